using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Fluid;
using Notification.Domain;

namespace Notification.Api.Templates;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>Renders a notice's email and chat message from the tenant's templates.</summary>
public static class Messages
{
    /// <param name="template">The email template.</param>
    /// <param name="model">The values it renders with.</param>
    /// <param name="link">The page the message's button opens: the case's, or the problem's.</param>
    /// <param name="linkText">The button's text.</param>
    public static RenderedEmail Email(EmailTemplate template, IReadOnlyDictionary<string, object?> model, string link, string linkText = "Open the case")
    {
        var subject = TemplateEngine.Render(template.Subject, model, NullEncoder.Default).ReplaceLineEndings(" ").Trim();
        var text = TemplateEngine.Render(template.Text, model, NullEncoder.Default).Trim();
        var html = template.Html is { Length: > 0 } own
            ? TemplateEngine.Render(own, model, HtmlEncoder.Default)
            : Layout(subject, TemplateEngine.Render(template.Text, model, HtmlEncoder.Default).Trim(), link, linkText);
        return new(subject.Length <= 300 ? subject : subject[..300], text, html);
    }

    /// <summary>The platform's HTML around a text template rendered with HTML encoding (every value escaped).</summary>
    private static string Layout(string subject, string encodedText, string link, string linkText) => $"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(subject)}</title></head>
        <body style="font-family: sans-serif; line-height: 1.5">
        <p>{encodedText.ReplaceLineEndings("<br>\n")}</p>
        <p><a href="{WebUtility.HtmlEncode(link)}" style="display: inline-block; padding: 8px 16px; background: #1e4f9c; color: #fff; text-decoration: none; border-radius: 4px">{WebUtility.HtmlEncode(linkText)}</a></p>
        </body></html>
        """;

    /// <summary>Slack's incoming-webhook JSON, or a Teams message with an Adaptive Card: the case's severity and title,
    /// the rendered text, owner and due time, and a button to the case (for a notice about no case, a problem's: the
    /// problem's title and a button to its page).</summary>
    public static string Chat(ChatKind kind, ChatTemplate template, IReadOnlyDictionary<string, object?> plainModel, IReadOnlyDictionary<string, object?> slackModel,
        string link)
    {
        var @case = (IReadOnlyDictionary<string, object?>)plainModel["case"]!;
        var @event = (IReadOnlyDictionary<string, object?>)plainModel["event"]!;
        var aboutCase = @case["key"] is not null;
        var heading = aboutCase ? $"[{@case["key"]}] {@case["severity"]} · {@case["title"]}" : $"Problem: {@event.GetValueOrDefault("problem")}";
        var button = aboutCase ? "Open the case" : "Open the problem";
        var owner = @case["owner"] as string ?? "nobody yet";
        var due = @event.TryGetValue("due", out var at) && at is string dueText ? dueText : null;
        if (kind == ChatKind.Teams)
        {
            var text = TemplateEngine.Render(template.Text, plainModel, NullEncoder.Default).Trim();
            var facts = new JsonArray(Fact("Severity", @case["severity"] as string), Fact("Owner", owner), Fact("Customer", @case["customer"] as string));
            if (due is not null)
            {
                facts.Add(Fact("Due", due));
            }

            return new JsonObject
            {
                ["type"] = "message",
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["content"] = new JsonObject
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["body"] = new JsonArray(
                            new JsonObject { ["type"] = "TextBlock", ["text"] = heading, ["weight"] = "Bolder", ["wrap"] = true },
                            new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true },
                            new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
                        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = button, ["url"] = link }),
                    },
                }),
            }.ToJsonString();
        }

        var slackCase = (IReadOnlyDictionary<string, object?>)slackModel["case"]!;
        var rendered = TemplateEngine.Render(template.Text, slackModel, NullEncoder.Default).Trim();
        var fields = new JsonArray(
            Field("Severity", slackCase["severity"] as string), Field("Owner", slackCase["owner"] as string ?? "nobody yet"), Field("Customer", slackCase["customer"] as string));
        if (due is not null)
        {
            fields.Add(Field("Due", SlackEscape(due)));
        }

        return new JsonObject
        {
            ["text"] = aboutCase ? $"[{slackCase["key"]}] {slackCase["severity"]} {slackCase["title"]}: {rendered}" : rendered,
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Shorten(heading, 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Shorten(rendered, 3_000) }, ["fields"] = fields },
                new JsonObject
                {
                    ["type"] = "actions",
                    ["elements"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "button",
                        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = button },
                        ["url"] = link,
                    }),
                }),
        }.ToJsonString();
    }

    /// <summary>Slack's mrkdwn needs &amp;, &lt; and &gt; escaped (and nothing else).</summary>
    public static string SlackEscape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject Fact(string title, string? value) => new() { ["title"] = title, ["value"] = value ?? "" };

    private static JsonObject Field(string title, string? value) => new() { ["type"] = "mrkdwn", ["text"] = $"*{title}*\n{value}" };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
