using System.Net;
using System.Text;

namespace Insights.Api.Csat;

/// <summary>The customer's rating page: a form with five scores and a comment, or what became of the link. Plain HTML,
/// everything the page shows encoded, no script.</summary>
public static class RatingPage
{
    public static IResult Form(string caseKey, string title, int? preselected = null, string? problem = null, int status = StatusCodes.Status200OK)
    {
        var scores = new StringBuilder();
        foreach (var (score, label) in new[] { (1, "Very unhappy"), (2, "Unhappy"), (3, "Neutral"), (4, "Happy"), (5, "Very happy") })
        {
            var chosen = score == preselected ? " checked" : "";
            scores.Append($"""<label class="score"><input type="radio" name="score" value="{score}"{chosen} required> {score} · {label}</label>""");
        }

        var error = problem is null ? "" : $"""<p class="problem" role="alert">{Encode(problem)}</p>""";
        return Page($"How did we do with {caseKey}?", $"""
            <p>Your escalation <strong>{Encode(caseKey)}</strong> ({Encode(title)}) was closed. How happy are you with how we handled it?</p>
            {error}
            <form method="post">
              <fieldset><legend>Your rating</legend>{scores}</fieldset>
              <label for="comment">Anything you would like to tell us (optional)</label>
              <textarea id="comment" name="comment" maxlength="2000" rows="4"></textarea>
              <button type="submit">Send my rating</button>
            </form>
            """, status);
    }

    public static IResult Message(string heading, string text, int status) => Page(heading, $"<p>{Encode(text)}</p>", status);

    private static IResult Page(string heading, string body, int status) => Results.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer"><title>{{Encode(heading)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933}
        .score{display:block;margin:.4rem 0}textarea{width:100%;margin:.4rem 0 1rem}button{padding:.6rem 1.2rem}
        .problem{color:#b00020}fieldset{border:1px solid #ccd;margin-bottom:1rem}</style></head>
        <body><h1>{{Encode(heading)}}</h1>{{body}}</body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
