using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Pages;
using MudBlazor;

namespace Portal.UnitTests;

public sealed class CasePageTests : PortalContext
{
    private const string Resolve = "/resolve";

    private IRenderedComponent<CasePage> RenderCase(params string[] commands)
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path, StubGateway.Json(CaseRecords.Json(commands)));
        Render<MudPopoverProvider>();
        var page = Render<CasePage>(parameters => parameters.Add(page => page.Id, CaseRecords.Id));
        page.WaitForAssertion(() => Assert.Contains("ESC-1042", page.Find("[data-testid=case-title]").TextContent));
        return page;
    }

    private static IEnumerable<string> Buttons(IRenderedComponent<CasePage> page) =>
        page.FindAll("[data-testid=commands] button").Select(button => button.TextContent.Trim());

    private static void Open(IRenderedComponent<CasePage> page, string label) =>
        page.FindAll("[data-testid=commands] button").Single(button => button.TextContent.Trim() == label).Click();

    private static void Send(IRenderedComponent<CasePage> page) => page.Find("[data-testid=command-submit]").Click();

    [Fact]
    public void The_severity_names_the_matrix_version_and_each_clock_shows_the_time_gone_and_paused_as_sla_counts_them()
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path + "/clocks", StubGateway.Json(CaseRecords.ClocksNow));
        var page = RenderCase();

        Assert.Equal("Decided by the escalation matrix, version 7", page.Find("[data-testid=matrix-version]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal("20 min", page.Find("[data-testid=paused]").TextContent.Trim()));
        Assert.Contains("1 h 30 min of 4 h 0 min (37 %, always open)", page.Find("[data-testid=clock]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=clocks-unavailable]"));
    }

    [Fact]
    public void The_timeline_names_the_new_status_only_where_the_step_does_not_say_it_already()
    {
        var page = RenderCase();

        var steps = page.FindAll("[data-testid=timeline] tbody tr").Select(row => row.Children[2].TextContent.Trim()).ToList();
        Assert.Equal(["customer update posted → in progress", "acknowledged", "submitted"], steps); // newest first
    }

    [Fact]
    public void A_case_nobody_could_be_offered_says_why_where_its_owner_would_be()
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path, StubGateway.Json(CaseRecords.Json([], status: "triaged",
            unroutableReason: "no routing rule matches and no team takes legal issues")));
        var page = Render<CasePage>(parameters => parameters.Add(page => page.Id, CaseRecords.Id));

        page.WaitForAssertion(() => Assert.Contains("Nobody could be offered this case: no routing rule matches and no team takes legal issues.",
            page.Find("[data-testid=unroutable]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void The_changes_made_shortly_before_the_case_are_those_of_its_product_area_and_shown_with_their_release()
    {
        Gateway.On(HttpMethod.Get, "/api/v1/triage/changes", StubGateway.Json("""
            [{"id":"0193a7f0-0000-7000-8000-000000000001","kind":"deployment","summary":"Deployed the export service","source":null,"productArea":"Exports",
              "release":"7.1","at":"2026-03-10T10:50:00+00:00","link":null,"via":"api"}]
            """));
        var page = RenderCase();

        page.WaitForAssertion(() => Assert.Contains("deployment: Deployed the export service (7.1)", page.Find("[data-testid=change-before]").TextContent, StringComparison.Ordinal));
        var asked = Assert.Single(Gateway.Requests, request => request.Path == "/api/v1/triage/changes");
        Assert.StartsWith("?productArea=Exports&before=", asked.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_routed_case_shows_no_unroutable_warning() => Assert.Empty(RenderCase().FindAll("[data-testid=unroutable]"));

    [Fact]
    public void When_sla_cannot_be_asked_the_clocks_say_so_and_keep_their_due_times()
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path + "/clocks", StubGateway.Json("""{"available":false,"breached":false,"clocks":[]}"""));
        var page = RenderCase();

        page.WaitForAssertion(() => Assert.Contains("cannot be asked right now", page.Find("[data-testid=clocks-unavailable]").TextContent, StringComparison.Ordinal));
        Assert.Equal("—", page.Find("[data-testid=paused]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=clock]"));
    }

    [Fact]
    public void When_the_delivery_log_cannot_be_read_the_case_still_shows_and_says_what_is_missing()
    {
        Gateway.On(HttpMethod.Get, "/api/v1/notifications", StubGateway.Status(HttpStatusCode.ServiceUnavailable));
        var page = RenderCase();

        page.WaitForAssertion(() => Assert.Contains("The delivery log cannot be read right now", page.Find("[data-testid=notifications-unavailable]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(page.FindAll("[data-testid=clock]"));
    }

    [Fact]
    public void Only_the_commands_the_record_offers_the_person_get_a_button()
    {
        var page = RenderCase("record-action", "post-customer-update", "cancel");

        Assert.Equal(["Record an action", "Update the customer", "Cancel the escalation"], Buttons(page));
    }

    [Fact]
    public void Another_role_sees_the_buttons_its_record_offers_and_no_others()
    {
        var page = RenderCase("acknowledge", "reopen");

        Assert.Equal(["Acknowledge", "Reopen"], Buttons(page));
    }

    [Fact]
    public void A_record_that_offers_nothing_says_so_and_shows_no_button()
    {
        var page = RenderCase();

        Assert.Empty(Buttons(page));
        Assert.Contains("Nothing for you to do on this case now.", page.Find("[data-testid=commands]").TextContent);
    }

    [Fact]
    public void The_case_is_read_with_the_persons_own_token()
    {
        RenderCase("record-action");

        var read = Assert.Single(Gateway.Requests, request => request.Path == CaseRecords.Path);
        Assert.Equal(HttpMethod.Get, read.Method);
        Assert.All(Gateway.Requests, request => Assert.Equal("Bearer " + Person.AccessToken, request.Authorization)); // the record and who was told
    }

    [Fact]
    public void A_command_sends_the_fields_filled_in_under_the_case_and_shows_the_record_it_answers()
    {
        var page = RenderCase("record-action");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/actions", StubGateway.Json(CaseRecords.Json(["post-customer-update"], title: "Exports fail (mitigated)")));

        Open(page, "Record an action");
        page.Find("[data-testid=command-form] textarea").Input("Restarted the export workers");
        Send(page);

        page.WaitForAssertion(() => Assert.Contains("Exports fail (mitigated)", page.Find("[data-testid=case-title]").TextContent));
        var sent = Assert.Single(Gateway.Posts);
        Assert.Equal("""{"description":"Restarted the export workers"}""", sent.Body);
        Assert.Equal("Bearer " + Person.AccessToken, sent.Authorization);
        Assert.Equal(["Update the customer"], Buttons(page));
        Assert.Empty(page.FindAll("[data-testid=command-form]"));
    }

    [Fact]
    public void A_field_the_service_refuses_shows_its_message_beside_that_field()
    {
        var page = RenderCase("resolve");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + Resolve, StubGateway.Problem(HttpStatusCode.BadRequest, """
            {"title":"One or more fields are not valid","status":400,"errors":{"rootCause":["is required for S1 and S2"]}}
            """));

        Open(page, "Resolve");
        Send(page);

        page.WaitForAssertion(() => Assert.Contains("is required for S1 and S2", Field(page, "Root cause").Markup));
        Assert.DoesNotContain("is required for S1 and S2", Field(page, "Summary").Markup);
        Assert.Contains("One or more fields are not valid", page.Find("[data-testid=command-problem]").TextContent);
    }

    private static IRenderedComponent<MudTextField<string>> Field(IRenderedComponent<CasePage> page, string labelStart) =>
        page.FindComponents<MudTextField<string>>().Single(field => field.Instance.Label!.StartsWith(labelStart, StringComparison.Ordinal));

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "You are not allowed to do this.")]
    [InlineData(HttpStatusCode.NotFound, "This was not found: it may not exist, or belong to another tenant.")]
    [InlineData(HttpStatusCode.Conflict, "This cannot be done in the case's current state.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "A part of the platform is unavailable: try again in a moment.")]
    public void A_refused_command_says_why_in_words(HttpStatusCode status, string message)
    {
        var page = RenderCase("cancel");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/cancel", StubGateway.Status(status));

        Open(page, "Cancel the escalation");
        page.Find("[data-testid=command-form] input").Input("Duplicate of ESC-1041");
        Send(page);

        page.WaitForAssertion(() => Assert.Equal(message, page.Find("[data-testid=command-problem]").TextContent.Trim()));
        Assert.NotEmpty(page.FindAll("[data-testid=command-form]"));
    }

    [Fact]
    public void A_command_whose_answer_cannot_be_read_says_so_and_keeps_the_form_for_a_safe_retry()
    {
        var page = RenderCase("record-action");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/actions", StubGateway.Json("{\"id\":"), StubGateway.Json(CaseRecords.Json(["record-action"])));

        Open(page, "Record an action");
        page.Find("[data-testid=command-form] textarea").Input("Restarted the export workers");
        Send(page);
        page.WaitForAssertion(() => Assert.Equal("The platform's answer could not be read: try again in a moment.", page.Find("[data-testid=command-problem]").TextContent.Trim()));
        Send(page);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=command-form]")));
        Assert.Single(Gateway.Posts.Select(post => post.IdempotencyKey).Distinct());
    }

    [Fact]
    public void Sending_the_same_open_form_again_after_the_platform_failed_repeats_its_idempotency_key()
    {
        var page = RenderCase("record-action");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/actions",
            StubGateway.Status(HttpStatusCode.ServiceUnavailable), StubGateway.Json(CaseRecords.Json(["record-action"])));

        Open(page, "Record an action");
        page.Find("[data-testid=command-form] textarea").Input("Restarted the export workers");
        Send(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=command-problem]")));
        Send(page);

        page.WaitForAssertion(() => Assert.Equal(2, Gateway.Posts.Count()));
        var keys = Gateway.Posts.Select(post => post.IdempotencyKey).ToList();
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public void A_form_corrected_after_a_refusal_is_a_new_request_with_a_new_idempotency_key()
    {
        var page = RenderCase("record-action");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/actions",
            StubGateway.Problem(HttpStatusCode.BadRequest, """{"title":"Not valid","errors":{"description":["is required"]}}"""),
            StubGateway.Json(CaseRecords.Json(["record-action"])));

        Open(page, "Record an action");
        Send(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=command-problem]")));
        page.Find("[data-testid=command-form] textarea").Input("Restarted the export workers");
        Send(page);

        page.WaitForAssertion(() => Assert.Equal(2, Gateway.Posts.Count()));
        var keys = Gateway.Posts.Select(post => post.IdempotencyKey).ToList();
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public void Each_opened_form_is_its_own_request()
    {
        var page = RenderCase("record-action");
        Gateway.On(HttpMethod.Post, CaseRecords.Path + "/actions", StubGateway.Json(CaseRecords.Json(["record-action"])));

        Open(page, "Record an action");
        page.Find("[data-testid=command-form] textarea").Input("First action");
        Send(page);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=command-form]")));
        Open(page, "Record an action");
        page.Find("[data-testid=command-form] textarea").Input("Second action");
        Send(page);

        page.WaitForAssertion(() => Assert.Equal(2, Gateway.Posts.Count()));
        var keys = Gateway.Posts.Select(post => post.IdempotencyKey).ToList();
        Assert.NotEqual(keys[0], keys[1]);
    }
}

public sealed class CasePageLiveTests : PortalContext
{
    [Fact]
    public void A_change_announced_on_the_stream_shows_the_record_again_and_the_stream_is_followed_with_the_persons_token()
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path,
            StubGateway.Json(CaseRecords.Json(["record-action"])), StubGateway.Json(CaseRecords.Json(["record-action"], title: "Exports fail (mitigated)")));
        var announced = $"event: ready\ndata: {{}}\n\nevent: changed\ndata: {{\"id\":\"{CaseRecords.Id}\"}}\n\n";
        Live.On(HttpMethod.Get, "/api/v1/escalations/changes",
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(announced, System.Text.Encoding.UTF8, "text/event-stream") },
            StubGateway.Status(HttpStatusCode.NotFound));
        Render<MudPopoverProvider>();

        var page = Render<CasePage>(parameters => parameters.Add(page => page.Id, CaseRecords.Id));

        page.WaitForAssertion(() => Assert.Contains("Exports fail (mitigated)", page.Find("[data-testid=case-title]").TextContent));
        Assert.NotEmpty(Live.Requests); // followed again after the stream ended, as after a gateway's stream lifetime
        Assert.All(Live.Requests, followed => Assert.Equal(("/api/v1/escalations/changes", "Bearer " + Person.AccessToken), (followed.Path, followed.Authorization)));
    }
}
