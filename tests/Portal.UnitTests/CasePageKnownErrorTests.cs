using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Pages;
using MudBlazor;

namespace Portal.UnitTests;

/// <summary>The known errors triage found for a case, and the deflection that sent it back to the frontline with one's
/// workaround: shown while it stands, contested with a reason, and still shown (as what was tried) after the contest.</summary>
public sealed class CasePageKnownErrorTests : PortalContext
{
    private const string Workaround = "Add the VAT id under Settings > Company, then download the invoice again.";

    private static readonly object[] Suggestions =
    [
        new { articleId = "vat-id-missing", title = "Invoice PDF fails without a VAT id", score = 0.923, reasons = new[] { "the same error message", "the same product area" } },
        new { articleId = "pdf-timeout", title = "Invoice PDF times out", score = 0.41, reasons = Array.Empty<string>() },
    ];

    private static readonly object Deflection = new
    {
        articleId = "vat-id-missing", title = "Invoice PDF fails without a VAT id", score = 0.923, workaround = Workaround,
        why = "matches the known error \"Invoice PDF fails without a VAT id\" (0.92), which has a workaround",
    };

    private IRenderedComponent<CasePage> RenderCase(string json)
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path, StubGateway.Json(json));
        Render<MudPopoverProvider>();
        var page = Render<CasePage>(parameters => parameters.Add(page => page.Id, CaseRecords.Id));
        page.WaitForAssertion(() => Assert.Contains("ESC-1042", page.Find("[data-testid=case-title]").TextContent));
        return page;
    }

    private static string Text(IRenderedComponent<CasePage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public void Each_known_error_that_matches_links_to_its_article_with_its_score_as_a_percentage_and_why()
    {
        var page = RenderCase(CaseRecords.Json([], suggestions: Suggestions));

        var shown = page.FindAll("[data-testid=case-suggestion]");
        Assert.Equal(2, shown.Count);
        Assert.Equal("/knowledge/vat-id-missing", shown[0].QuerySelector("[data-testid=case-suggestion-link]")!.GetAttribute("href"));
        Assert.Equal("Invoice PDF fails without a VAT id 92 %: the same error message; the same product area",
            string.Join(' ', shown[0].TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("41 %", shown[1].QuerySelector("[data-testid=case-suggestion-score]")!.TextContent);
        Assert.Empty(page.FindAll("[data-testid=deflection]"));
    }

    [Fact]
    public void A_case_no_known_error_matches_says_so()
    {
        var page = RenderCase(CaseRecords.Json([]));

        Assert.Empty(page.FindAll("[data-testid=case-suggestion]"));
        Assert.Contains("No known error matches this case.", Text(page, "case-known-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deflected_case_says_it_was_sent_back_with_the_known_errors_workaround_and_why_and_offers_the_contest()
    {
        var page = RenderCase(CaseRecords.Json(["contest", "cancel"], status: "deflected", severity: "S4", suggestions: Suggestions, deflection: Deflection));

        var panel = Text(page, "deflection");
        Assert.StartsWith("Sent back to the frontline with a known error's workaround", panel, StringComparison.Ordinal);
        Assert.Equal("/knowledge/vat-id-missing", page.Find("[data-testid=deflection-article]").GetAttribute("href"));
        Assert.Equal("Invoice PDF fails without a VAT id", Text(page, "deflection-article"));
        Assert.Equal(Workaround, Text(page, "deflection-workaround"));
        Assert.Contains("which has a workaround", Text(page, "deflection-why"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=deflection-contested]"));
        Assert.Equal("deflected", Text(page, "status"));
        Assert.Equal(["Contest the deflection", "Cancel the escalation"], page.FindAll("[data-testid=commands] button").Select(button => button.TextContent.Trim()));
    }

    [Fact]
    public void Contesting_sends_the_reason_and_shows_the_case_triaged_with_the_deflection_kept_as_what_was_tried()
    {
        var page = RenderCase(CaseRecords.Json(["contest"], status: "deflected", severity: "S4", deflection: Deflection));
        var reason = "The customer has a VAT id on file already.";
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/contest", StubGateway.Json(CaseRecords.Json(["cancel"], status: "triaged", severity: "S4", deflection: Deflection,
            laterSteps: [CaseRecords.Step("deflection-contested", "deflected", "triaged", "Mona Manager", "S4, routed to an expert team after all", reason)])));

        page.FindAll("[data-testid=commands] button").Single(button => button.TextContent.Trim() == "Contest the deflection").Click();
        var field = page.FindComponents<MudTextField<string>>().Single(text => text.Instance.Label == "Why the workaround does not help");
        Assert.True(field.Instance.Required);
        page.Find("[data-testid=command-form] input").Input(reason);
        page.Find("[data-testid=command-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("triaged", Text(page, "status")));
        var sent = Assert.Single(Gateway.Posts);
        Assert.Equal((CaseRecords.Path + "/contest", $$"""{"reason":"{{reason}}"}"""), (sent.Path, sent.Body));
        Assert.StartsWith("Contested: it had been sent back to the frontline with a known error's workaround", Text(page, "deflection"), StringComparison.Ordinal);
        Assert.Contains("Mona Manager contested it", Text(page, "deflection-contested"), StringComparison.Ordinal);
        Assert.Contains(reason, Text(page, "deflection-contested"), StringComparison.Ordinal);
        Assert.Equal(Workaround, Text(page, "deflection-workaround"));
        Assert.DoesNotContain("Contest the deflection", page.Find("[data-testid=commands]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contest_without_a_reason_shows_the_services_refusal_beside_the_reason()
    {
        var page = RenderCase(CaseRecords.Json(["contest"], status: "deflected", severity: "S4", deflection: Deflection));
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/contest", StubGateway.Problem(HttpStatusCode.BadRequest, """
            {"title":"One or more fields are not valid","status":400,"errors":{"reason":["required: say why"]}}
            """));

        page.FindAll("[data-testid=commands] button").Single(button => button.TextContent.Trim() == "Contest the deflection").Click();
        page.Find("[data-testid=command-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("required: say why",
            page.FindComponents<MudTextField<string>>().Single(text => text.Instance.Label == "Why the workaround does not help").Markup, StringComparison.Ordinal));
        Assert.Equal("deflected", Text(page, "status"));
    }
}
