using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Notification.Api.Projections;
using Notification.Api.Templates;
using Notification.Domain;

namespace Notification.Api.Endpoints;

/// <param name="Event">The event the template is for ("offered").</param>
/// <param name="Role">Who reads it (owner, leadership, customer...): <c>recipient.role</c>.</param>
/// <param name="Email">An email template to try; absent, the built-in one.</param>
/// <param name="Chat">A chat template to try (shown as Slack's and Teams' JSON).</param>
public sealed record PreviewRequest(string? Event, string? Role = null, EmailTemplate? Email = null, ChatTemplate? Chat = null);

public sealed record PreviewAnswer(string Subject, string Text, string Html, string Slack, string Teams);

/// <summary>Renders a template with a sample case, so a person sees what a recipient would get before publishing.</summary>
public static class TemplatePreviewEndpoint
{
    private static readonly DateTimeOffset SampleNow = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
    private const string ProblemLink = "https://portal.example/problems/00000000-0000-0000-0000-000000000000";

    public static void Map(RouteGroupBuilder templates) =>
        templates.MapPost("/preview", Preview)
            .WithSummary("Renders an email and a chat template (or the built-in ones) for an event with a sample case; a template naming a variable that does not exist is refused, naming it.");

    private static Results<Ok<PreviewAnswer>, ValidationProblem, ProblemHttpResult> Preview(PreviewRequest request)
    {
        var errors = new ValidationErrors();
        var notice = NoticeEvents.Parse(request.Event ?? "");
        if (notice is null)
        {
            errors.Add("event", $"one of {string.Join(", ", NoticeEvents.Names)}");
        }

        var audience = Enum.GetValues<Audience>().Cast<Audience?>().FirstOrDefault(value => MessageModel.Wire(value!.Value.ToString()) == (request.Role ?? "owner"));
        if (audience is null)
        {
            errors.Add("role", $"one of {string.Join(", ", Enum.GetValues<Audience>().Select(value => MessageModel.Wire(value.ToString())))}");
        }

        foreach (var (field, source) in new[] { ("email.subject", request.Email?.Subject), ("email.text", request.Email?.Text), ("email.html", request.Email?.Html), ("chat.text", request.Chat?.Text) })
        {
            if (source is { Length: > MessageTemplates.MaxTemplateLength })
            {
                errors.Add(field, $"must be at most {MessageTemplates.MaxTemplateLength} characters");
            }
            else if (source is { Length: > 0 } && TemplateEngine.Problem(source) is { } problem)
            {
                errors.Add(field, problem).Unprocessable();
            }
        }

        if (request.Email is { } given && (string.IsNullOrWhiteSpace(given.Subject) || string.IsNullOrWhiteSpace(given.Text)))
        {
            errors.Add("email", "give subject and text");
        }

        if (!errors.IsValid)
        {
            return errors.IsUnprocessable ? errors.ToUnprocessable("The template cannot be previewed.") : errors.ToProblem("The template cannot be previewed.");
        }

        var name = NoticeEvents.Name(notice!.Value);
        var sample = notice == NoticeEvent.ProblemRaised ? null : Sample(); // a problem's notice is about no case
        var recipient = new Notice("alex@example.com", audience!.Value, notice.Value, "preview", Name: audience == Audience.Customer ? null : "Alex Morgan");
        var link = sample is null ? ProblemLink : "https://portal.example/cases/00000000-0000-0000-0000-000000000000";
        var facts = SampleFacts();
        var model = MessageModel.For(sample, recipient, facts, link, "Europe/Berlin");
        var email = Messages.Email(request.Email ?? BuiltInTemplates.Email[name], model, link, sample is null ? "Open the problem" : "Open the case");
        var chat = request.Chat is { Text.Length: > 0 } own ? own : BuiltInTemplates.Chat[name];
        var slackModel = MessageModel.For(sample, recipient, facts, link, "Europe/Berlin", Messages.SlackEscape);
        return TypedResults.Ok(new PreviewAnswer(email.Subject, email.Text, email.Html,
            Messages.Chat(ChatKind.Slack, chat, model, slackModel, link), Messages.Chat(ChatKind.Teams, chat, model, slackModel, link)));
    }

    private static EscalationProjection Sample() => new()
    {
        EscalationId = Guid.Empty,
        TenantId = "preview",
        Key = "ESC-1042",
        Title = "Checkout fails with error 502 for all EU customers",
        Severity = Severity.S1,
        Status = EscalationStatus.Assigned,
        StatusAt = SampleNow.UtcDateTime,
        CustomerName = "Globex Corporation",
        CustomerTimeZone = "Europe/Berlin",
        TeamName = "Payments",
        OwnerName = "Alex Morgan",
    };

    private static EventFacts SampleFacts() => new()
    {
        ["reason"] = "routing rule payments-outage, round robin",
        ["actor"] = "Sam Lee",
        ["due"] = SampleNow.AddMinutes(15),
        ["from"] = "S2",
        ["to"] = "S1",
        ["direction"] = "raised",
        ["clock"] = "first response",
        ["percent"] = 75,
        ["late_note"] = "",
        ["step"] = "requested",
        ["asked"] = "Jo Park",
        ["requested_by"] = "Alex Morgan",
        ["answered_by"] = "Jo Park",
        ["answer"] = "accepted",
        ["context"] = "Gateway logs show 502s from the payment provider since 08:55.",
        ["actions"] = new List<string> { "restarted checkout pods", "checked provider status page" },
        ["backup"] = "Jo Park",
        ["policy"] = "Payments default",
        ["offers"] = 3,
        ["news"] = "An engineer has taken ownership of your case.",
        ["message"] = null,
        ["next_update"] = SampleNow.AddHours(1),
        ["at"] = SampleNow,
        ["article"] = "Checkout 502 behind the EU load balancer (KE-311)",
        ["workaround"] = "Route EU checkout traffic through the US endpoint until the balancer is patched.",
        ["problem"] = "Checkout 502s after release 4.2",
        ["shared"] = "release 4.2",
        ["cases"] = new List<string> { "ESC-1042 \"Checkout fails with error 502 for all EU customers\"", "ESC-1047 \"Payments time out at checkout\"" },
        ["problem_link"] = ProblemLink,
        ["fixed_in"] = "4.2.1",
        ["note"] = "Clear the browser cache once after the update.",
    };
}
