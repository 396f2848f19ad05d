using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Notification.Api.Projections;
using Notification.Api.Templates;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>Tenant templates: checked when saved (unknown variables named), rendered with every value escaped where
/// the channel needs it, and the built-in texts valid under the same check.</summary>
public sealed class TemplateTests
{
    private const string Link = "https://portal.example/cases/1";

    private static EscalationProjection Case(string title = "Checkout fails") => new()
    {
        EscalationId = Guid.Empty,
        TenantId = "acme",
        Key = "ESC-7",
        Title = title,
        Severity = Severity.S1,
        Status = EscalationStatus.Assigned,
        StatusAt = DateTime.UtcNow,
        CustomerName = "Globex",
        CustomerTimeZone = "Europe/Berlin",
        TeamName = "Payments",
        OwnerName = "Alex",
    };

    private static readonly Notice Owner = new("alex@acme.example", Audience.Owner, NoticeEvent.Offered, "k", Name: "Alex");

    [Fact]
    public void Every_built_in_template_passes_the_check_a_tenants_template_must_pass()
    {
        foreach (var (name, template) in BuiltInTemplates.Email)
        {
            Assert.Null(TemplateEngine.Problem(template.Subject));
            Assert.Null(TemplateEngine.Problem(template.Text));
        }

        Assert.All(BuiltInTemplates.Chat.Values, template => Assert.Null(TemplateEngine.Problem(template.Text)));
        Assert.Equal(NoticeEvents.Names.Order(), BuiltInTemplates.Email.Keys.Order());
    }

    [Theory]
    [InlineData("{{ case.tittle }}", "case.tittle")]
    [InlineData("{% if event.secret %}x{% endif %}", "event.secret")]
    [InlineData("{% for a in case.items %}{{ a.name }}{% endfor %}", "case.items")]
    [InlineData("{{ recipient.email | upcase }}", "recipient.email")]
    public void A_variable_that_does_not_exist_is_named(string template, string unknown) =>
        Assert.Contains(unknown, TemplateEngine.Problem(template));

    [Theory]
    [InlineData("{% assign t = case.title | upcase %}{{ t }}")]
    [InlineData("{% capture c %}{{ case.key }}{% endcapture %}{{ c }}")]
    [InlineData("{% for a in event.actions %}{{ a }} {{ forloop.index }}{% endfor %}")]
    public void Names_a_template_defines_itself_are_known(string template) => Assert.Null(TemplateEngine.Problem(template));

    [Fact]
    public void A_syntax_error_is_described() => Assert.StartsWith("is not a valid Liquid template", TemplateEngine.Problem("{{ case.title "));

    [Fact]
    public void The_templates_document_refuses_an_unknown_variable_naming_the_field_and_the_variable()
    {
        var errors = new ValidationErrors();
        var document = JsonDocument.Parse("""{ "email": { "offered": { "subject": "{{ case.nope }}", "text": "ok" } }, "chat": { "nope": { "text": "x" } } }""");

        Assert.Null(TemplatesDocument.Instance.Read(document.RootElement, errors));
        var problems = errors.ToDictionary();
        Assert.Contains("case.nope", Assert.Single(problems["email.offered.subject"]));
        Assert.True(problems.ContainsKey("chat.nope"));
    }

    [Fact]
    public void The_html_part_escapes_the_case_title_and_the_text_part_keeps_it()
    {
        var model = MessageModel.For(Case("<script>alert(1)</script>"), Owner, new EventFacts(), Link, "UTC");

        var email = Messages.Email(BuiltInTemplates.Email["offered"], model, Link);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html);
        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("<script>alert(1)</script>", email.Text);
        Assert.Contains(Link, email.Text);
    }

    [Fact]
    public void Times_are_in_the_recipients_zone_with_utc_beside_them()
    {
        var facts = new EventFacts { ["due"] = new DateTimeOffset(2026, 11, 28, 21, 49, 26, TimeSpan.Zero) };

        var email = Messages.Email(BuiltInTemplates.Email["offered"], MessageModel.For(Case(), Owner, facts, Link, "Europe/Berlin"), Link);

        Assert.Contains("Acknowledge by 2026-11-28 22:49 Europe/Berlin (2026-11-28T21:49:26Z)", email.Text);
    }

    [Fact]
    public void A_slack_message_carries_severity_title_owner_due_time_and_a_link_with_the_title_escaped()
    {
        var escalation = Case("a <b> & c");
        var facts = new EventFacts { ["due"] = new DateTimeOffset(2026, 11, 28, 21, 49, 0, TimeSpan.Zero), ["reason"] = "rule" };
        var json = Messages.Chat(ChatKind.Slack, BuiltInTemplates.Chat["offered"], MessageModel.For(escalation, Owner, facts, Link, "UTC"),
            MessageModel.For(escalation, Owner, facts, Link, "UTC", Messages.SlackEscape), Link);

        var message = JsonDocument.Parse(json).RootElement;
        var text = message.GetProperty("text").GetString()!;
        Assert.Contains("S1", text);
        Assert.Contains("a &lt;b&gt; &amp; c", text);
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Contains(blocks[1].GetProperty("fields").EnumerateArray(), field => field.GetProperty("text").GetString() == "*Owner*\nAlex");
        Assert.Contains(blocks[1].GetProperty("fields").EnumerateArray(), field => field.GetProperty("text").GetString()!.Contains("2026-11-28T21:49:00Z"));
        Assert.Equal(Link, blocks[2].GetProperty("elements")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void A_teams_message_is_an_adaptive_card_with_an_open_url_action()
    {
        var model = MessageModel.For(Case(), Owner, new EventFacts(), Link, "UTC");
        var card = JsonDocument.Parse(Messages.Chat(ChatKind.Teams, BuiltInTemplates.Chat["offered"], model, model, Link)).RootElement
            .GetProperty("attachments")[0];

        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal(Link, card.GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public void A_template_that_loops_without_end_is_cut_short()
    {
        var model = MessageModel.For(Case(), Owner, new EventFacts(), Link, "UTC");
        var rendered = TemplateEngine.Render("{% for i in (1..1000000) %}x{% endfor %}", model, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.True(rendered.Length <= TemplateEngine.MaxOutput);
    }

    private static readonly DateTimeOffset Deflected = new(2026, 11, 28, 21, 49, 26, TimeSpan.Zero);

    private static EventFacts DeflectionFacts() => NoticeFacts.Of(new EscalationDeflected
    {
        EscalationId = Guid.Empty, TenantId = "acme", Key = "ESC-7", Title = "Checkout fails", Severity = Severity.S3,
        Customer = new CustomerRef("c-1", "Globex", "it@globex.example", "Europe/Berlin"), SubmittedBy = "frontline-7",
        Deflection = new CaseDeflection("KE-311", "Checkout 502 behind the EU balancer", 0.93, "Route checkout through the US endpoint.", "same error signature"),
        At = Deflected,
    });

    [Fact]
    public void The_customer_of_a_deflected_case_gets_the_workaround_in_their_time_zone_and_is_told_to_come_back_if_it_does_not_help()
    {
        var customer = new Notice("it@globex.example", Audience.Customer, NoticeEvent.Deflected, "k");

        var email = Messages.Email(BuiltInTemplates.Email["deflected"], MessageModel.For(Case(), customer, DeflectionFacts(), Link, "Europe/Berlin"), Link);

        Assert.Equal("[ESC-7] A known issue with a documented workaround: Checkout fails", email.Subject);
        Assert.Contains("Dear Globex", email.Text);
        Assert.Contains("Route checkout through the US endpoint.", email.Text);
        Assert.Contains("2026-11-28 22:49 Europe/Berlin (2026-11-28T21:49:26Z)", email.Text);
        Assert.Contains("contact support", email.Text);
        Assert.DoesNotContain(Link, email.Text);
    }

    [Fact]
    public void The_submitter_of_a_deflected_case_reads_which_known_error_and_why()
    {
        var submitter = new Notice("frontline-7", Audience.Submitter, NoticeEvent.Deflected, "k", NoticeChannel.InApp, "frontline-7");

        var email = Messages.Email(BuiltInTemplates.Email["deflected"], MessageModel.For(Case(), submitter, DeflectionFacts(), Link, "UTC"), Link);

        Assert.Equal("[ESC-7] Back to you with a known error's workaround: Checkout fails", email.Subject);
        Assert.Contains("Checkout 502 behind the EU balancer (KE-311)", email.Text);
        Assert.Contains("Why: same error signature", email.Text);
        Assert.Contains("Route checkout through the US endpoint.", email.Text);
    }

    [Fact]
    public void A_problem_raised_lists_its_cases_and_what_they_share_and_links_to_the_problem()
    {
        const string problemLink = "https://portal.example/problems/7";
        var raised = new ProblemRaised
        {
            ProblemId = Guid.Empty, TenantId = "acme", Title = "Checkout 502s after 4.2", Shared = "release 4.2",
            Cases = [new ProblemCase(Guid.Empty, "ESC-7", "Checkout fails"), new ProblemCase(Guid.Empty, "ESC-9", "Payment <b>times out</b>")], At = Deflected,
        };
        var leadership = new Notice("leadership@acme.example", Audience.Leadership, NoticeEvent.ProblemRaised, "k");

        var email = Messages.Email(BuiltInTemplates.Email["problem-raised"],
            MessageModel.For(null, leadership, NoticeFacts.Of(raised, problemLink), problemLink, "UTC"), problemLink, "Open the problem");

        Assert.Equal("Problem raised: Checkout 502s after 4.2", email.Subject);
        Assert.Contains("2 cases share release 4.2:\n- ESC-7 \"Checkout fails\"\n- ESC-9 \"Payment <b>times out</b>\"\n", email.Text);
        Assert.Contains($"Open the problem: {problemLink}", email.Text);
        Assert.Contains("Payment &lt;b&gt;times out&lt;/b&gt;", email.Html);
        Assert.Contains($"href=\"{problemLink}\"", email.Html);
    }

    [Theory]
    [InlineData("Clear the cache once.", true)]
    [InlineData(null, false)]
    public void A_fix_tells_the_customer_which_version_has_it_with_the_note_if_any(string? note, bool hasNote)
    {
        var fix = new ProblemFixAnnounced
        {
            ProblemId = Guid.Empty, TenantId = "acme", Title = "Checkout 502s after 4.2", FixedIn = "4.2.1", Note = note,
            Cases = [new ProblemCase(Guid.Empty, "ESC-7", "Checkout fails")], At = Deflected,
        };
        var customer = new Notice("it@globex.example", Audience.Customer, NoticeEvent.ProblemFixed, "k");

        var email = Messages.Email(BuiltInTemplates.Email["problem-fixed"], MessageModel.For(Case(), customer, NoticeFacts.Of(fix), Link, "Europe/Berlin"), Link);

        Assert.Equal("[ESC-7] Fixed in 4.2.1: Checkout fails", email.Subject);
        Assert.Contains("The problem behind your case ESC-7 \"Checkout fails\" is fixed in 4.2.1.", email.Text);
        Assert.Equal(hasNote, email.Text.Contains("Clear the cache once.", StringComparison.Ordinal));
        Assert.DoesNotContain("\n\n\n", email.Text);
    }
}
