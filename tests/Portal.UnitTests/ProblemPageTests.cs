using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Pages.Problems;
using EscalationPlatform.Portal.Identity;
using MudBlazor;

namespace Portal.UnitTests;

/// <summary>A problem record's page: what anyone reads, and the move a lead makes, with what triage requires of it
/// asked for in the form and what triage refuses shown in its words.</summary>
public sealed class ProblemPageTests : PortalContext
{
    private static readonly PortalUser Lead = new("acme", "u-3", "Lea Lead", ["lead"], "lea-token", CaseRecords.Now.AddHours(8));

    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    private IRenderedComponent<ProblemPage> RenderProblem(string json, PortalUser? person = null)
    {
        if (person is not null)
        {
            SignIn(person);
        }

        Gateway.On(HttpMethod.Get, ProblemRecords.Path, StubGateway.Json(json));
        _popovers = Render<MudPopoverProvider>();
        var page = Render<ProblemPage>(parameters => parameters.Add(page => page.Id, ProblemRecords.Id));
        page.WaitForAssertion(() => Assert.StartsWith("Repeated error", page.Find("[data-testid=problem-title]").TextContent, StringComparison.Ordinal));
        return page;
    }

    private static string Text(IRenderedComponent<ProblemPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    private static void Choose(IRenderedComponent<ProblemPage> page, string status)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(select => select.Instance.Label == "New status");
        page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(status)).GetAwaiter().GetResult();
    }

    /// <summary>The statuses the open select offers.</summary>
    private IReadOnlyList<string> Offered(IRenderedComponent<ProblemPage> page)
    {
        page.Find("[data-testid=move-form] .mud-select .mud-input-control").MouseDown();
        return [.. _popovers.FindAll(".mud-popover-open .mud-list-item").Select(item => item.TextContent.Trim())];
    }

    [Fact]
    public void Anyone_reads_what_the_cases_share_the_linked_cases_the_changes_before_and_the_history_but_an_agent_is_offered_no_move()
    {
        var page = RenderProblem(ProblemRecords.Json());

        Assert.Equal("open", Text(page, "problem-status"));
        Assert.Equal("the error message \"Export 4001 failed: worker pool exhausted after 31s\"", Text(page, "problem-shared"));
        var keys = page.FindAll("[data-testid=linked-case-key]");
        Assert.Equal(["ESC-101", "ESC-102", "ESC-103", "ESC-104", "ESC-105"], keys.Select(key => key.TextContent.Trim()));
        Assert.Equal("/cases/6d1f8a52-7a0e-4a4f-9a51-3c2f0d8e9b11", keys[0].GetAttribute("href"));
        Assert.Contains("deployment: Deployed the export workers 5.4.0 (5.4.0)", Text(page, "problem-change"), StringComparison.Ordinal);
        Assert.Contains("5 escalations share the error message", Text(page, "problem-history"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=move-form]"));
    }

    [Fact]
    public void A_lead_is_offered_only_the_statuses_the_problem_may_move_to_next()
    {
        var page = RenderProblem(ProblemRecords.Json("fixed", fixedIn: "5.4.1"), Lead);

        Assert.Equal(["investigating", "closed"], Offered(page));
    }

    [Fact]
    public void Fixed_asks_which_version_has_the_fix_and_is_not_sent_without_it()
    {
        var page = RenderProblem(ProblemRecords.Json("investigating"), Lead);
        Gateway.On(HttpMethod.Post, ProblemRecords.Path + "/status", StubGateway.Json(ProblemRecords.Json("fixed", fixedIn: "5.4.1")));
        Assert.Empty(page.FindAll("[data-testid=move-fixed-in]"));

        Choose(page, "fixed");
        page.Find("[data-testid=move]").Click();

        var fixedIn = page.FindComponents<MudTextField<string>>().Single(field => field.Instance.Label == "Fixed in (version or change)");
        Assert.True(fixedIn.Instance.Required);
        Assert.Contains("Say which version or change has the fix.", fixedIn.Markup, StringComparison.Ordinal);
        Assert.Empty(Gateway.Posts);

        page.Find("input[data-testid=move-fixed-in]").Input(" 5.4.1 ");
        page.Find("[data-testid=move]").Click();

        page.WaitForAssertion(() => Assert.Equal("fixed", Text(page, "problem-status")));
        var sent = Assert.Single(Gateway.Posts);
        Assert.Equal("""{"status":"fixed","fixedIn":"5.4.1"}""", sent.Body);
        Assert.Equal("Moved to fixed.", Text(page, "moved"));
        Assert.Equal("5.4.1", Text(page, "problem-fixed-in"));
    }

    [Theory]
    [InlineData("fixed", "closed", true)]
    [InlineData("fixed", "investigating", false)]
    [InlineData("open", "closed", false)]
    [InlineData("known-error", "closed", false)]
    public void Telling_the_linked_cases_customers_is_offered_only_when_a_fixed_problem_is_closed(string from, string to, bool offered)
    {
        var page = RenderProblem(ProblemRecords.Json(from, fixedIn: from == "fixed" ? "5.4.1" : null), Lead);

        Choose(page, to);

        Assert.Equal(offered, page.FindAll("[data-testid=notify-customers]").Count > 0);
        Assert.Equal(to == "fixed", page.FindAll("[data-testid=move-fixed-in]").Count > 0);
    }

    [Fact]
    public void Closing_a_fixed_problem_telling_the_customers_sends_it_with_the_note()
    {
        var page = RenderProblem(ProblemRecords.Json("fixed", fixedIn: "5.4.1"), Lead);
        Gateway.On(HttpMethod.Post, ProblemRecords.Path + "/status", StubGateway.Json(ProblemRecords.Json("closed", fixedIn: "5.4.1")));

        Choose(page, "closed");
        page.FindComponents<MudCheckBox<bool>>().Single(box => box.Instance.Label == "Tell the linked cases' customers").Find("input").Change(true);
        page.Find("textarea[data-testid=move-note]").Input("Update to 5.4.1; exports run again.");
        page.Find("[data-testid=move]").Click();

        page.WaitForAssertion(() => Assert.Equal("closed", Text(page, "problem-status")));
        var sent = Assert.Single(Gateway.Posts);
        Assert.Equal("""{"status":"closed","note":"Update to 5.4.1; exports run again.","notifyCustomers":true}""", sent.Body);
        Assert.Equal("Moved to closed. The linked cases' customers are being told.", Text(page, "moved"));
        Assert.Empty(page.FindAll("[data-testid=notify-customers]"));
    }

    [Fact]
    public void A_move_triage_refuses_shows_its_reason_in_words_and_keeps_the_form()
    {
        var page = RenderProblem(ProblemRecords.Json("known-error"), Lead);
        Gateway.On(HttpMethod.Post, ProblemRecords.Path + "/status", StubGateway.Problem(HttpStatusCode.Conflict, """
            {"title":"The problem cannot make this move.","status":409,"detail":"customers are told when a fixed problem is closed, not before"}
            """));

        Choose(page, "closed");
        page.Find("[data-testid=move]").Click();

        page.WaitForAssertion(() => Assert.Equal("customers are told when a fixed problem is closed, not before", Text(page, "move-problem")));
        Assert.Equal("known error", Text(page, "problem-status"));
        Assert.Single(page.FindAll("[data-testid=move-form]"));
    }

    [Fact]
    public void A_field_triage_refuses_is_named_beside_it()
    {
        var page = RenderProblem(ProblemRecords.Json("open"), Lead);
        Gateway.On(HttpMethod.Post, ProblemRecords.Path + "/status", StubGateway.Problem(HttpStatusCode.BadRequest, """
            {"title":"The move is not valid.","status":400,"errors":{"fixedIn":["at most 200 characters"]}}
            """));

        Choose(page, "fixed");
        page.Find("input[data-testid=move-fixed-in]").Input(new string('v', 201));
        page.Find("[data-testid=move]").Click();

        page.WaitForAssertion(() => Assert.Contains("at most 200 characters",
            page.FindComponents<MudTextField<string>>().Single(field => field.Instance.Label == "Fixed in (version or change)").Markup, StringComparison.Ordinal));
        Assert.Contains("fixedIn: at most 200 characters", Text(page, "move-problem"), StringComparison.Ordinal);
    }
}
