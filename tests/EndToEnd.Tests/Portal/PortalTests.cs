using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Portal;

/// <summary>The portal in a real browser against the whole platform: an agent escalates through the form, the person it
/// is offered to works it to resolution from the case page, a manager changes the matrix, and an agent is kept out of
/// administration.</summary>
public sealed partial class PortalTests(PlatformFixture platform, PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    private Uri Portal => platform.Endpoint("portal", "http");

    [Fact]
    public async Task An_agent_escalates_an_S1_through_the_form_and_the_offeree_works_it_to_resolution_while_other_pages_follow_live()
    {
        using var api = platform.Escalations(Tenants.Portal);
        var title = $"Invoices of another company visible {Guid.NewGuid():N}"[..48];
        var lead = await browser.SignInAsync(Portal, Tenants.Portal, "lead-1", "lead");
        await lead.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
        await lead.GetByTestId("live").WaitForAsync();
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-1", "agent", "/cases/new");

        await agent.GetByLabel("Title").FillAsync(title);
        await ChooseAsync(agent, agent.GetByTestId("issue-type"), "security");
        await ChooseAsync(agent, agent.GetByTestId("customer"), "Acme Corporation (strategic)");
        await agent.GetByLabel("Security exposure").CheckAsync();
        await agent.GetByTestId("preview").GetByTestId("preview-missing").First.WaitForAsync(); // the checklist, before it is filled in
        await agent.GetByLabel("Affected accounts (comma-separated)").FillAsync("acme-finance");
        await agent.GetByLabel("What was observed").FillAsync("another tenant's invoices on the billing page");
        await agent.GetByLabel("Detected at").FillAsync("2026-11-30T08:00");
        await agent.GetByTestId("preview").GetByTestId("severity").GetByText("S1").WaitForAsync();
        await Assertions.Expect(agent.GetByTestId("preview-missing")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(agent, "new-escalation");
        await EscalateAsync(agent);

        var id = Guid.Parse(agent.Url.Split('/')[^1]);
        await agent.GetByTestId("live").WaitForAsync();
        // The lead's queue, opened before the case existed, shows it without a reload, and moves it as it is routed.
        var row = lead.GetByTestId("queue").Locator("tr", new() { HasText = title });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("assigned");
        await Screenshots.TakeAsync(lead, "queue");
        var assigned = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered to someone");
        var offeree = assigned.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;

        var owner = await browser.SignInAsync(Portal, Tenants.Portal, offeree, "agent");
        await owner.GetByRole(AriaRole.Tab, new() { Name = "My team" }).ClickAsync(); // the security team's open cases
        await Assertions.Expect(owner.GetByTestId("queue").Locator("tr", new() { HasText = title })).ToBeVisibleAsync();
        await owner.GetByRole(AriaRole.Tab, new() { Name = "Offered to me" }).ClickAsync();
        await owner.GetByTestId("queue").Locator("tr", new() { HasText = title }).GetByTestId("case-link").ClickAsync();
        await owner.WaitForURLAsync(new Regex($"/cases/{id}$"));
        await Assertions.Expect(owner.GetByTestId("case-title")).ToContainTextAsync(title); // the queue's rows (with their own severities) are gone
        await Assertions.Expect(owner.GetByTestId("severity")).ToHaveTextAsync("S1");
        await Assertions.Expect(owner.GetByTestId("offered-to")).ToContainTextAsync("(owner)");
        await Screenshots.TakeAsync(owner, "case-offered");
        await RunAsync(owner, "Acknowledge");
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("acknowledged");
        await Assertions.Expect(agent.GetByTestId("status")).ToHaveTextAsync("acknowledged"); // the agent's page, live
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("acknowledged");

        await RunAsync(owner, "Update the customer", ("Message to the customer", "We revoked the shared cache and are checking access logs."));
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("in progress");
        await RunAsync(owner, "Wait on the customer", ("What is awaited from the customer", "the list of invoices they saw"));
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("waiting on customer");
        await RunAsync(owner, "Resume");
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("in progress");

        // An S1 needs its root cause: the service's problem details appear beside the field, and the case stays open.
        await OpenAsync(owner, "Resolve");
        await ChooseAsync(owner, owner.GetByRole(AriaRole.Combobox, new() { Name = "Resolution" }), "fix");
        await owner.GetByLabel("Summary").FillAsync("Tenant filter restored");
        await owner.GetByTestId("command-submit").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("command-form")).ToContainTextAsync("required for S1: say what caused it");
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("in progress");
        await owner.GetByLabel("Root cause (required for S1 and S2)").FillAsync("A cache key without the tenant id");
        await owner.GetByTestId("command-submit").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("status")).ToHaveTextAsync("resolved");
        await Assertions.Expect(owner.GetByTestId("resolution")).ToContainTextAsync("A cache key without the tenant id");
        await Screenshots.TakeAsync(owner, "case-resolved");

        var resolved = await api.GetAsync(id);
        Assert.Equal("resolved", resolved.Status());
        Assert.Equal(offeree, resolved.PersonId("owner"));
    }

    [Fact]
    public async Task A_manager_raises_a_cases_severity_on_its_page_with_a_reason_and_the_clocks_follow()
    {
        using var api = platform.Escalations(Tenants.Portal);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned" && record.GetProperty("sla").GetProperty("clocks").GetArrayLength() > 0,
            "offered, on the clock"); // settled: the offer and sla's first commitment have both reached the record
        Assert.Equal("S3", offered.Text("severity"));

        var manager = await browser.SignInAsync(Portal, Tenants.Portal, "mona", "manager", $"/cases/{id}");
        await Assertions.Expect(manager.GetByTestId("severity")).ToHaveTextAsync("S3");
        await OpenAsync(manager, "Change severity");
        await ChooseAsync(manager, manager.GetByRole(AriaRole.Combobox, new() { Name = "New severity" }), "S1");
        await manager.GetByLabel("Why (what changed)").FillAsync("Every region reports the same timeouts now");
        await SubmitCommandAsync(manager);

        await Assertions.Expect(manager.GetByTestId("severity")).ToHaveTextAsync("S1");
        await Assertions.Expect(manager.GetByTestId("timeline")).ToContainTextAsync("Every region reports the same timeouts now");
        var raised = await api.WaitForAsync(id,
            record => record.Clock("first-response").GetProperty("dueAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(15), "the S1 clocks");
        Assert.Equal("S1", raised.Text("severity"));
    }

    [Fact]
    public async Task The_owner_hands_a_case_to_a_person_who_accepts_it_in_their_own_browser_and_the_owners_page_follows()
    {
        using var api = platform.Escalations(Tenants.Portal);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        var ownerId = offered.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;
        await api.DoAsync(id, "acknowledge", actor: ownerId);
        // Settled (sla has met the first response): a live change arriving while the form is filled re-renders it.
        await api.WaitForAsync(id, record => record.Clock("first-response").Text("state") == "met", "first response met");

        var owner = await browser.SignInAsync(Portal, Tenants.Portal, ownerId, "agent", $"/cases/{id}");
        await owner.GetByTestId("live").WaitForAsync();
        await owner.GetByTestId("hand-off").ClickAsync();
        await ChooseAsync(owner, owner.GetByTestId("handoff-receiver"), "Leonardo Fibonacci (Billing)");
        await owner.GetByLabel("Why you hand it off").FillAsync("The timeouts come from the invoice export");
        await owner.GetByLabel("What the receiver needs to know").FillAsync("Only invoice exports above 10,000 rows time out.");
        await owner.GetByLabel("Actions already taken (one per line)").FillAsync("Restarted the export workers\nReproduced with a 12,000-row export");
        await owner.GetByTestId("handoff-submit").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("handoff-state")).ToHaveTextAsync("proposed");
        await Assertions.Expect(owner.GetByTestId("accept-handoff")).ToHaveCountAsync(0); // the owner cannot answer their own handoff

        var receiver = await browser.SignInAsync(Portal, Tenants.Portal, "fibonacci", "agent", $"/cases/{id}"); // another browser context
        await Assertions.Expect(receiver.GetByTestId("handoff")).ToContainTextAsync("Reproduced with a 12,000-row export");
        await receiver.GetByTestId("accept-handoff").ClickAsync();
        await Assertions.Expect(receiver.GetByTestId("handoff-answer")).ToHaveTextAsync("Accepted by Leonardo Fibonacci");
        await Screenshots.TakeAsync(receiver, "handoff-accepted");

        await Assertions.Expect(owner.GetByTestId("owner")).ToHaveTextAsync("Leonardo Fibonacci"); // live, without a reload
        await Assertions.Expect(owner.GetByTestId("handoff-answer")).ToHaveTextAsync("Accepted by Leonardo Fibonacci");
        Assert.Equal("fibonacci", (await api.GetAsync(id)).PersonId("owner"));
    }

    [Fact]
    public async Task A_case_escalated_without_its_checklist_waits_for_information_until_the_agent_adds_the_facts_on_its_page()
    {
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-5", "agent", "/cases/new");
        await agent.GetByLabel("Title").FillAsync("Exports fail for the reporting team");
        await ChooseAsync(agent, agent.GetByTestId("customer"), "Initech (standard)");
        await agent.GetByTestId("preview").GetByTestId("preview-missing").First.WaitForAsync();
        await EscalateAsync(agent);
        await Assertions.Expect(agent.GetByTestId("status")).ToHaveTextAsync("needs information");

        var form = agent.GetByTestId("missing-facts-form");
        await form.GetByLabel("Error message").FillAsync("HTTP 504 from /exports");
        await form.GetByLabel("Steps to reproduce").FillAsync("Reports > Export > CSV");
        await form.GetByLabel("Affected services (comma-separated)").FillAsync("reporting");
        await form.GetByLabel("First seen").FillAsync("2026-11-30T07:30");
        await ChooseAsync(agent, form.GetByTestId("missing-impact-scope"), "team");
        await form.GetByTestId("add-facts").ClickAsync();

        // Triage looks again; the page follows the case as it is triaged and offered (five messages through three
        // services: on a loaded CI machine that can take longer than an assertion's default 5 s).
        await Assertions.Expect(agent.GetByTestId("status")).ToHaveTextAsync("assigned", new() { Timeout = 30_000 });
        await Assertions.Expect(agent.GetByTestId("missing-facts-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_manager_of_a_tenant_without_teams_finds_the_case_nobody_could_be_offered_and_sees_why()
    {
        using var api = platform.Escalations(Tenants.Unstaffed);
        var title = $"Nobody to take this {Guid.NewGuid():N}"[..32];
        var manager = await browser.SignInAsync(Portal, Tenants.Unstaffed, "mia", "manager");
        await manager.GetByRole(AriaRole.Tab, new() { Name = "Unassigned / needs information" }).ClickAsync();
        await manager.GetByTestId("live").WaitForAsync();

        await api.SubmitAsync(Cases.FirstCase(title));

        var row = manager.GetByTestId("queue").Locator("tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("nobody could be offered the case", new() { Timeout = 30_000 });
        await row.GetByTestId("case-link").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("unroutable")).ToContainTextAsync("no routing rule matches and no team takes other issues");
    }

    [Fact]
    public async Task A_manager_sets_up_the_tenants_first_team_in_the_portal_and_the_next_case_is_offered_to_one_of_its_members()
    {
        var manager = await browser.SignInAsync(Portal, Tenants.PortalDirectory, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await manager.GetByLabel("New team's id").FillAsync("portal-desk");
        await manager.GetByTestId("new-team").ClickAsync();
        await manager.WaitForURLAsync(new Regex("/admin/teams/portal-desk$"));
        await Assertions.Expect(manager.GetByTestId("document-json")).ToBeEnabledAsync();
        var team = JsonNode.Parse(await manager.GetByTestId("document-json").InputValueAsync())!; // the template
        team["name"] = "Portal desk";
        team["defaultFor"] = new JsonArray("other");
        await manager.GetByTestId("document-json").FillAsync(team.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("history")).ToContainTextAsync("created: Portal desk");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Back to the teams" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("team").Filter(new() { HasText = "Portal desk" })).ToContainTextAsync("(lead)");

        // A rule for the new team: a version of the tenant's routing rules, checked against its teams.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Routing rules" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("document-json")).ToBeEnabledAsync();
        await manager.GetByTestId("document-json").FillAsync("""[{"name": "everything", "teamId": "no-such-desk"}]""");
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("field-problem")).ToContainTextAsync("rules[0].teamId: one of the tenant's teams: portal-desk");
        await manager.GetByTestId("document-json").FillAsync("""[{"name": "everything", "teamId": "portal-desk"}]""");
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("saved")).ToContainTextAsync("Saved as version 1");
        await Assertions.Expect(manager.GetByTestId("history")).ToContainTextAsync("version 1: 1 rules");
        using var api = platform.Escalations(Tenants.PortalDirectory);
        var id = await api.SubmitAsync(Cases.FirstCase());
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        Assert.Equal("portal-desk", offered.GetProperty("team").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_manager_adds_a_customer_in_the_portal_and_a_case_for_it_takes_its_tier_and_contact()
    {
        var manager = await browser.SignInAsync(Portal, Tenants.PortalDirectory, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        await manager.GetByLabel("New customer's id").FillAsync("contoso");
        await manager.GetByTestId("new-customer").ClickAsync();
        await manager.WaitForURLAsync(new Regex("/admin/customers/contoso$"));
        await Assertions.Expect(manager.GetByTestId("document-json")).ToBeEnabledAsync();
        var customer = JsonNode.Parse(await manager.GetByTestId("document-json").InputValueAsync())!; // the template
        customer["name"] = "Contoso";
        customer["tier"] = "gold";
        await manager.GetByTestId("document-json").FillAsync(customer.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("field-problem")).ToContainTextAsync("tier: one of standard, premium, strategic");
        customer["tier"] = "premium";
        customer["contacts"]![0]!["email"] = "it@contoso.example";
        await manager.GetByTestId("document-json").FillAsync(customer.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("history")).ToContainTextAsync("created: Contoso: premium");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Back to the customers" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("customer").Filter(new() { HasText = "Contoso" })).ToContainTextAsync("it@contoso.example");
        using var api = platform.Escalations(Tenants.PortalDirectory);
        var id = await api.SubmitAsync(new
        {
            title = "Contoso cannot sign in", issueType = "other", customer = new { id = "contoso" },
            impact = new { scope = "single-user", affectedCount = 1 }, urgency = new { workaroundAvailable = true },
        });
        var facts = (await api.GetAsync(id)).GetProperty("facts").GetProperty("customer");
        Assert.Equal(("premium", "it@contoso.example"), (facts.Text("tier"), facts.Text("contactEmail")));
    }

    [Fact]
    public async Task A_manager_writes_an_on_call_schedule_and_sees_who_is_on_call_now_and_next()
    {
        var manager = await browser.SignInAsync(Portal, Tenants.Portal, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "On-call schedules" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("schedule").Filter(new() { HasText = "Technical support on-call" })).ToBeVisibleAsync(); // the demo's
        await manager.GetByLabel("New schedule's id").FillAsync("billing-on-call");
        await manager.GetByTestId("new-schedule").ClickAsync();
        await manager.WaitForURLAsync(new Regex("/admin/schedules/billing-on-call$"));
        await Assertions.Expect(manager.GetByTestId("document-json")).ToBeEnabledAsync();
        var schedule = JsonNode.Parse(await manager.GetByTestId("document-json").InputValueAsync())!; // the template
        schedule["name"] = "Billing on-call";
        schedule["layers"]![0]!["start"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'00:00", System.Globalization.CultureInfo.InvariantCulture);
        schedule["layers"]![0]!["rotation"] = "1.00:00:00";
        await manager.GetByTestId("document-json").FillAsync(schedule.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("field-problem").First).ToContainTextAsync("replace-with-a-member-id is a member of none of the tenant's teams");

        schedule["layers"]![0]!["participants"] = new JsonArray("fibonacci", "pacioli");
        await manager.GetByTestId("document-json").FillAsync(schedule.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("shift").First).ToContainTextAsync("weekly");
        await Assertions.Expect(manager.GetByTestId("shifts")).ToContainTextAsync("Leonardo Fibonacci");
        await Assertions.Expect(manager.GetByTestId("shifts")).ToContainTextAsync("Luca Pacioli");
        await Assertions.Expect(manager.GetByTestId("history")).ToContainTextAsync("created: Billing on-call");
        await Screenshots.TakeAsync(manager, "on-call-schedule");
    }

    [Fact]
    public async Task A_manager_writes_an_escalation_policy_and_sees_how_an_unanswered_case_climbs_it()
    {
        var manager = await browser.SignInAsync(Portal, Tenants.Portal, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Escalation policies" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("policy").Filter(new() { HasText = "Major incident" })).ToBeVisibleAsync(); // the demo's
        await manager.GetByLabel("New policy's id").FillAsync("billing-policy");
        await manager.GetByTestId("new-policy").ClickAsync();
        await manager.WaitForURLAsync(new Regex("/admin/escalation-policies/billing-policy$"));
        await Assertions.Expect(manager.GetByTestId("document-json")).ToBeEnabledAsync();
        var policy = JsonNode.Parse(await manager.GetByTestId("document-json").InputValueAsync())!; // the template
        policy["name"] = "Billing policy";
        await manager.GetByTestId("document-json").FillAsync(policy.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("field-problem").First).ToContainTextAsync("levels[2].id: replace-with-a-member-id is a member of none of the tenant's teams");

        policy["levels"]![2]!["id"] = "lovelock";
        await manager.GetByTestId("document-json").FillAsync(policy.ToJsonString());
        await manager.GetByTestId("save").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("policy-level")).ToHaveCountAsync(4);
        await Assertions.Expect(manager.GetByTestId("policy-level").Nth(2)).ToContainTextAsync("person lovelock");
        await Assertions.Expect(manager.GetByTestId("policy-level").Nth(2)).ToContainTextAsync("S1, S2");
        await Assertions.Expect(manager.GetByTestId("policy-top")).ToContainTextAsync("Then once more from the first level. Then the case is flagged");
        await Assertions.Expect(manager.GetByTestId("history")).ToContainTextAsync("created: Billing policy");
        await Screenshots.TakeAsync(manager, "escalation-policy");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Back to the escalation policies" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("policy").Filter(new() { HasText = "Billing policy" })).ToContainTextAsync("4 levels, 1 repeat");
    }

    [Fact]
    public async Task An_agent_sees_no_administration_and_is_answered_403_when_opening_it_directly()
    {
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-2", "agent");
        await Assertions.Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Queues" })).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByText("Administration")).ToHaveCountAsync(0);

        var response = await agent.GotoAsync("/admin/matrix");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(agent.GetByTestId("status-message")).ToContainTextAsync("You do not have access to this page");
    }

    [Fact]
    public async Task Without_a_session_every_page_leads_to_sign_in_and_back()
    {
        var context = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-3", "agent");
        await context.Context.ClearCookiesAsync();

        await context.GotoAsync("/cases/new");

        await context.WaitForURLAsync(new Regex("/signin\\?"));
        await context.Locator("#person").FillAsync("frontline-3");
        await context.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await context.WaitForURLAsync(new Regex("/cases/new$"));
    }

    [Fact]
    public async Task A_manager_tries_a_draft_matrix_on_the_cases_publishes_it_with_a_reason_and_rolls_it_back_from_the_history()
    {
        const string TryOut = "Every case is S1 while this rule is tried out";
        using var api = platform.Escalations(Tenants.PortalAdmin);
        await api.SubmitAsync(Cases.TeamProblem()); // an open case for the what-if, whatever else the tenant has
        var manager = await browser.SignInAsync(Portal, Tenants.PortalAdmin, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Escalation matrix" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("version-in-force")).ToContainTextAsync("is in force");
        var version = int.Parse(VersionNumber().Match(await manager.GetByTestId("version-in-force").InnerTextAsync()).Value);
        await manager.GetByTestId("start-draft").ClickAsync();
        var draft = manager.GetByTestId("draft-json");
        await Assertions.Expect(draft).ToHaveValueAsync(new Regex("\"rules\""));

        var original = await draft.InputValueAsync();

        await draft.FillAsync("{\"rules\": [{\"id\": \"\"}]}");
        await manager.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("problem")).ToContainTextAsync("The escalation matrix is not valid.");

        var everythingS1 = JsonNode.Parse(original)!;
        everythingS1["rules"]!.AsArray().Insert(0, new JsonObject
        {
            ["id"] = "portal-try-out", ["severity"] = "S1", ["description"] = TryOut, ["when"] = new JsonObject { ["always"] = true },
        });
        await draft.FillAsync(everythingS1.ToJsonString());
        await manager.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync("The draft is saved.");
        await manager.GetByTestId("diff-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("draft-diff").GetByTestId("change")).ToContainTextAsync("rules[portal-try-out]");
        await manager.GetByTestId("run-what-if").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("what-if-open").GetByTestId("what-if-summary")).ToContainTextAsync("would change severity");
        await Assertions.Expect(manager.GetByTestId("what-if-open").GetByTestId("what-if-rule").Filter(new() { HasText = "portal-try-out" })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(manager, "matrix");
        await manager.GetByTestId("publish-reason").FillAsync("trying out S1 for everything");
        await manager.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync($"Published as version {version + 1}");
        await Assertions.Expect(manager.GetByTestId("version").First).ToContainTextAsync("trying out S1 for everything");

        await manager.GetByRole(AriaRole.Link, new() { Name = "New escalation" }).ClickAsync();
        await ChooseAsync(manager, manager.GetByTestId("customer"), "Initech (standard)");
        await Assertions.Expect(manager.GetByTestId("preview")).ToContainTextAsync($"matrix v{version + 1}");
        await Assertions.Expect(manager.GetByTestId("preview").GetByTestId("severity")).ToHaveTextAsync("S1");
        await Assertions.Expect(manager.GetByTestId("preview-rule").Filter(new() { HasText = TryOut })).ToHaveCountAsync(1);

        // Back to the rules as they were, from the history: a version of its own, and the preview follows.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Escalation matrix" }).ClickAsync();
        await manager.GetByTestId("version").First.GetByTestId("diff-version").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("version-diff").GetByTestId("change")).ToContainTextAsync("rules[portal-try-out]");
        await manager.GetByTestId("roll-back-reason").FillAsync("the try-out is over");
        await manager.GetByTestId("version").Nth(1).GetByTestId("roll-back").ClickAsync(); // newest first: the version before the try-out
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync($"Version {version} is in force again, as version {version + 2}");
        await manager.GetByRole(AriaRole.Link, new() { Name = "New escalation" }).ClickAsync();
        await ChooseAsync(manager, manager.GetByTestId("customer"), "Initech (standard)");
        await Assertions.Expect(manager.GetByTestId("preview")).ToContainTextAsync($"matrix v{version + 2}");
        await Assertions.Expect(manager.GetByTestId("preview-rule").Filter(new() { HasText = TryOut })).ToHaveCountAsync(0);

        await manager.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("count")).ToHaveCountAsync(7); // open S1-S4, breached, waiting to be acknowledged, needs information
        await manager.GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("team").First).ToContainTextAsync("(lead)");
    }

    [Fact]
    public async Task A_manager_previews_a_stricter_SLA_policy_on_the_running_clocks_and_publishing_it_moves_them()
    {
        await platform.ProvisionAsync(Tenants.PortalSla);
        using var api = platform.Escalations(Tenants.PortalSla);
        var ids = new[] { await api.SubmitAsync(Cases.TeamBlocked("initech", workaround: true)), await api.SubmitAsync(Cases.TeamBlocked("globex", workaround: true)) };
        foreach (var id in ids)
        {
            await api.WaitForAsync(id, record => record.Timeline("clocks-started").Any(), "the clocks started");
        }

        var manager = await browser.SignInAsync(Portal, Tenants.PortalSla, "sam", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "SLA policy" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("version-in-force")).ToContainTextAsync("Version 1 is in force");
        await manager.GetByTestId("start-draft").ClickAsync();
        var draft = manager.GetByTestId("draft-json");
        await Assertions.Expect(draft).ToHaveValueAsync(new Regex("\"calendars\""));
        var policy = JsonNode.Parse(await draft.InputValueAsync())!;
        policy["targets"]!["S3"]!["firstResponse"]!["duration"] = "01:00:00";
        await draft.FillAsync(policy.ToJsonString());
        await manager.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync("The draft is saved.");

        await manager.GetByTestId("run-preview").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("preview-summary")).ToContainTextAsync("2 running under version 1: 2 would move");
        await Assertions.Expect(manager.GetByTestId("preview-row")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(manager, "sla-preview");
        await manager.GetByTestId("publish-reason").FillAsync("S3 answered within the hour");
        await manager.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync("Published as version 2");

        foreach (var id in ids)
        {
            var moved = await api.WaitForAsync(id, record => record.Timeline("sla-targets-changed").Any(), "the clocks re-planned");
            Assert.Contains("S3 answered within the hour", moved.Timeline("sla-targets-changed").Single().Text("reason"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_owner_finds_the_offer_in_their_feed_with_its_unread_count_sets_quiet_hours_and_a_manager_previews_a_template_draft()
    {
        using var api = platform.Escalations(Tenants.PortalNotify);
        var owner = await browser.SignInAsync(Portal, Tenants.PortalNotify, "schneier", "agent", "/feed");
        await Assertions.Expect(owner.GetByTestId("unread-count")).ToContainTextAsync("unread");
        var id = await api.SubmitAsync(Cases.SecurityIncident());
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "routed");
        var ownerId = record.PersonId("owner")!;
        if (ownerId != "schneier")
        {
            owner = await browser.SignInAsync(Portal, Tenants.PortalNotify, ownerId, "agent", "/feed"); // the team's rotation chose another member
        }

        // The entry arrives over the live connection the page follows (or was there when it loaded).
        await Assertions.Expect(owner.GetByTestId("feed-item").Filter(new() { HasText = record.Text("key")! })).ToHaveCountAsync(1);
        await Assertions.Expect(owner.GetByTestId("feed-unread")).ToHaveTextAsync(new Regex("^[1-9][0-9]*$"));
        await Screenshots.TakeAsync(owner, "feed");
        await owner.GetByTestId("read-all").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("unread-count")).ToHaveTextAsync("0 unread");
        await Assertions.Expect(owner.GetByTestId("feed-unread")).ToHaveCountAsync(0);

        await owner.GetByRole(AriaRole.Link, new() { Name = "My notifications" }).ClickAsync();
        await owner.GetByTestId("time-zone").FillAsync("Mars/Olympus");
        await owner.GetByTestId("save").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("field-problem")).ToContainTextAsync("timeZone");
        await owner.GetByTestId("time-zone").FillAsync("Europe/Berlin");
        await owner.GetByTestId("quiet").CheckAsync();
        await owner.GetByTestId("quiet-from").FillAsync("21:30");
        await owner.GetByTestId("quiet-to").FillAsync("06:45");
        await owner.GetByTestId("save").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("notice")).ToContainTextAsync("Saved.");
        var saved = await api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications/preferences/{ownerId}");
        Assert.Equal(("Europe/Berlin", "21:30", "06:45"), (saved.Text("timeZone"), saved.GetProperty("quietHours").Text("from"), saved.GetProperty("quietHours").Text("to")));

        var manager = await browser.SignInAsync(Portal, Tenants.PortalNotify, "mia", "manager");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Message templates" }).ClickAsync();
        await Assertions.Expect(manager.GetByTestId("version-in-force")).ToContainTextAsync("is in force");
        await manager.GetByTestId("start-draft").ClickAsync();
        var draft = manager.GetByTestId("draft-json");
        await Assertions.Expect(draft).ToHaveValueAsync(new Regex("\"email\""));
        var templates = JsonNode.Parse(await draft.InputValueAsync())!;
        templates["email"]!["offered"]!["subject"] = "[{{ case.key }}] {{ case.nope }}";
        await draft.FillAsync(templates.ToJsonString());
        await manager.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("field-problem")).ToContainTextAsync("case.nope");
        templates["email"]!["offered"]!["subject"] = "[{{ case.key }}] Please look: {{ case.title }}";
        await draft.FillAsync(templates.ToJsonString());
        await manager.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("notice")).ToContainTextAsync("The draft is saved.");
        await manager.GetByTestId("run-template-preview").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("preview-subject")).ToContainTextAsync("[ESC-1042] Please look: Checkout fails");
        await Assertions.Expect(manager.GetByTestId("preview-slack")).ToContainTextAsync("\"blocks\"");
        await Screenshots.TakeAsync(manager, "template-preview");
    }

    [Fact]
    public async Task An_admin_creates_a_key_shown_once_and_revokes_it_and_subscribes_a_webhook_and_removes_it()
    {
        var admin = await browser.SignInAsync(Portal, Tenants.PortalAdmin, "ada", "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        var name = $"ticketing {Guid.NewGuid():N}"[..20];

        await admin.GetByLabel("Name").FillAsync(name);
        await admin.GetByTestId("create-key").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("created-key")).ToContainTextAsync("ep_");
        var row = admin.GetByTestId("keys").Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("active");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await admin.GetByLabel("Receiver URL (https, public address)").FillAsync("http://localhost:9/hooks");
        await admin.GetByTestId("create-webhook").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("problem")).ToBeVisibleAsync(); // an internal address is refused, in words
        await admin.GetByLabel("Receiver URL (https, public address)").FillAsync(PlatformFixture.WebhookSinkUrl);
        await admin.GetByTestId("create-webhook").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("created-secret")).ToContainTextAsync("whsec_");
        var subscription = admin.GetByTestId("webhooks").Locator("tr", new() { HasText = PlatformFixture.WebhookSinkUrl });
        await Assertions.Expect(subscription).ToBeVisibleAsync();
        await subscription.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(subscription).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_width_screen_the_queue_stacks_its_columns_and_the_case_opens()
    {
        using var api = platform.Escalations(Tenants.Portal);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, record => record.Status() == "assigned", "routed");
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "frontline-4", "agent");
        await agent.SetViewportSizeAsync(390, 844);

        await agent.GetByRole(AriaRole.Tab, new() { Name = "All open" }).ClickAsync();
        var link = agent.GetByTestId("queue").GetByTestId("case-link").First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        var width = await agent.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px screen");
        await link.ClickAsync();

        await agent.WaitForURLAsync(CasePath());
        await Assertions.Expect(agent.GetByTestId("case-title")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_person_signs_in_with_the_organisations_provider_works_in_the_tenant_and_role_the_gateway_gives_them_and_signs_out_of_both()
    {
        var page = await browser.NewPageAsync(Portal);
        await page.GotoAsync("/");

        await page.GetByTestId("external-signin").ClickAsync();
        await SignInAtTheProviderAsync(page, "agent");

        // The provider's token says tenant "someone-else" and customer "acme": the gateway's configuration decides.
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"Ada Agent · agent · {Tenants.ExternalIssuer}");
        await Assertions.Expect(page.GetByTestId("queue")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("live")).ToBeVisibleAsync();

        // Signing out ends the provider's session as well (RP-initiated logout): the next sign-in asks for a login again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/signin$"));
        await page.GetByTestId("external-signin").ClickAsync();
        await Assertions.Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_provider_account_without_a_platform_role_is_turned_back_with_an_explanation()
    {
        var page = await browser.NewPageAsync(Portal);
        await page.GotoAsync("/signin");

        await page.GetByTestId("external-signin").ClickAsync();
        await SignInAtTheProviderAsync(page, "nobody");

        await page.WaitForURLAsync(new Regex("/signin\\?failed=external$"));
        await Assertions.Expect(page.GetByTestId("signin-problem")).ToContainTextAsync("no platform role");
    }

    [Fact]
    public async Task The_keyboard_alone_reaches_the_navigation_and_the_forms_and_every_control_says_what_it_is()
    {
        var agent = await browser.SignInAsync(Portal, Tenants.Portal, "kim", "agent");
        await Assertions.Expect(agent.GetByTestId("queue")).ToBeVisibleAsync();
        Assert.Empty(await UnlabelledControlsAsync(agent));

        await TabToAsync(agent, "New escalation");
        await agent.Keyboard.PressAsync("Enter");
        await agent.WaitForURLAsync(new Regex("/cases/new$"));
        await Assertions.Expect(agent.GetByTestId("preview")).ToBeVisibleAsync();
        Assert.Empty(await UnlabelledControlsAsync(agent));

        await TabToAsync(agent, "Title");
        await Assertions.Expect(agent.GetByTestId("title")).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync("Typed without a mouse", new() { Delay = 20 }); // a person's pace: each key is a round trip
        await Assertions.Expect(agent.GetByLabel("Title")).ToHaveValueAsync("Typed without a mouse");
    }

    /// <summary>Presses Tab until the focused element is named <paramref name="name"/> (its text, label or aria-label).</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return (e?.getAttribute('aria-label') || e?.labels?.[0]?.textContent || e?.textContent || '').trim(); }");
            if (string.Equals(focused, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached \"{name}\".");
    }

    /// <summary>The visible inputs, selects, text areas and buttons that no label, aria-label or text names.</summary>
    private static Task<string[]> UnlabelledControlsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
            .filter(e => e.offsetParent !== null)
            .filter(e => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.textContent.trim() || e.title))
            .map(e => e.outerHTML.slice(0, 160))
        """);

    /// <summary>The test provider's own development pages: any login and password, then consent.</summary>
    private static async Task SignInAtTheProviderAsync(IPage page, string login)
    {
        await page.Locator("input[name=login]").FillAsync(login);
        await page.Locator("input[name=password]").FillAsync("any");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("button[type=submit]", new() { HasText = "Continue" }).ClickAsync();
    }

    private static Regex CasePath() => new("/cases/[0-9a-f-]{36}$");

    [GeneratedRegex("[0-9]+")]
    private static partial Regex VersionNumber();

    /// <summary>A MudBlazor select: open it, pick the option by its text.</summary>
    /// <summary>Picks an option of a select, and waits until its list has closed: a select that closes while the next
    /// field is typed in takes the focus back, and what was typed can be lost.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        await Assertions.Expect(choice).ToBeHiddenAsync();
    }

    private static Task OpenAsync(IPage page, string command) =>
        page.GetByTestId("commands").GetByRole(AriaRole.Button, new() { Name = command, Exact = true }).ClickAsync();

    /// <summary>Opens a command's form, fills its fields by label, and sends it.</summary>
    private static async Task RunAsync(IPage page, string command, params (string Label, string Value)[] fields)
    {
        await OpenAsync(page, command);
        foreach (var (label, value) in fields)
        {
            await page.GetByLabel(label).FillAsync(value);
        }

        await SubmitCommandAsync(page);
    }

    /// <summary>Sends the new escalation and waits for its page; a refusal fails the test with the portal's words (CI
    /// once saw the page not open within 20 s without saying why).</summary>
    private static async Task EscalateAsync(IPage agent)
    {
        await agent.GetByTestId("submit").ClickAsync();
        try
        {
            // The form moves to the case page by the portal's own navigation (no new document): waiting for a load event
            // that may never come lost the page once it was there, so wait for the address, then for the case itself.
            await agent.WaitForURLAsync(CasePath(), new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
            await agent.GetByTestId("status").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var problem = agent.GetByTestId("problem");
            var shown = await problem.CountAsync() > 0 ? await problem.InnerTextAsync() : await agent.InnerTextAsync("body");
            Assert.Fail($"The case page did not open within 30 s at {agent.Url}; the page shows: {shown[..Math.Min(600, shown.Length)]}");
        }
    }

    /// <summary>Sends the open command form and waits until it closes; a refusal fails the test with the portal's words.</summary>
    private static async Task SubmitCommandAsync(IPage page)
    {
        await page.GetByTestId("command-submit").ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("command-form")).ToHaveCountAsync(0);
        }
        catch (PlaywrightException)
        {
            var problem = page.GetByTestId("command-problem");
            if (await problem.CountAsync() > 0)
            {
                Assert.Fail($"The command was refused: {await problem.InnerTextAsync()}");
            }

            throw;
        }
    }
}
