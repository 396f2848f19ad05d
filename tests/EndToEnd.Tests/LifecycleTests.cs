using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>An escalation worked from offer to closure and back, through the gateway: each command moves the
/// record, the clocks follow, and what the lifecycle does not allow is refused with the current status.</summary>
public sealed class LifecycleTests(PlatformFixture platform)
{
    [Fact]
    public async Task Acknowledge_pause_resume_resolve_confirm_and_reopen_move_the_record_and_its_clocks()
    {
        using var api = platform.Escalations(Tenants.Lifecycle);
        using var mail = platform.Mail();
        // The customer directory's contact hears from the platform; an address in the submission does not.
        var customerEmail = $"support@globex.{Tenants.Lifecycle}.example";
        var id = await api.SubmitAsync(Cases.SecurityIncident("globex", "it-desk@lifecycle.example"));
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3, "assigned");
        var owner = assigned.PersonId("owner")!;
        var key = assigned.GetProperty("key").GetString()!;

        await api.DoAsync(id, "acknowledge", actor: owner);
        var acknowledged = await api.WaitForAsync(id, r => r.Clock("first-response").Text("state") == "met", "first response met");
        Assert.Equal("acknowledged", acknowledged.Status());
        Assert.Equal(owner, acknowledged.PersonId("owner"));
        var line = (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?status=acknowledged&limit=100")).GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("id").GetGuid() == id);
        Assert.Equal(acknowledged.GetProperty("nextAction").ToString(), line.GetProperty("nextAction").ToString()); // both from the clocks on the record
        Assert.Equal(
            new[] { acknowledged.Clock("customer-update"), acknowledged.Clock("resolution") }.Select(clock => clock.GetProperty("dueAt").GetDateTimeOffset()).Min(),
            acknowledged.GetProperty("nextAction").GetProperty("dueAt").GetDateTimeOffset());

        await api.DoAsync(id, "customer-updates", new { message = "We revoked the shared cache and are checking access logs." }, owner);
        var inProgress = await api.GetAsync(id);
        Assert.Equal("in-progress", inProgress.Status());

        await api.DoAsync(id, "wait-on-customer", new { reason = "the list of invoices they saw" }, owner);
        var paused = await api.WaitForAsync(id, r => r.Clock("resolution").Text("state") == "paused", "resolution paused");
        var dueBeforePause = inProgress.Clock("resolution").GetProperty("dueAt").GetDateTimeOffset();
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await api.DoAsync(id, "resume", actor: owner);
        var resumed = await api.WaitForAsync(id, r => r.Clock("resolution").Text("state") == "running", "resolution running again");
        var dueAfterResume = resumed.Clock("resolution").GetProperty("dueAt").GetDateTimeOffset();
        // The time elapsed and paused, from sla now; a slow answer degrades to "available": false (asked again).
        var detailed = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/escalations/{id}/clocks"),
            clocks => clocks.GetProperty("available").GetBoolean(), EscalationsClient.PipelineTimeout, "the clocks from sla");
        var pausedFor = TimeSpan.FromSeconds(detailed.Clock("resolution").GetProperty("pausedSeconds").GetInt64());
        Assert.InRange(pausedFor, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.Equal(dueAfterResume, detailed.Clock("resolution").GetProperty("dueAt").GetDateTimeOffset());
        Assert.InRange(detailed.Clock("resolution").GetProperty("percentElapsed").GetInt32(), 0, 99);
        Assert.InRange(dueAfterResume - dueBeforePause, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10)); // the paused time is not counted
        Assert.Equal("paused", paused.Clock("resolution").Text("state"));

        using (var withoutRootCause = await api.CommandAsync(id, "resolve", new { kind = "fix", summary = "Tenant filter restored" }, owner))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutRootCause.StatusCode);
            var problem = await withoutRootCause.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.True(problem.GetProperty("errors").TryGetProperty("rootCause", out _), "an S1 needs its root cause");
        }

        await api.DoAsync(id, "resolve", new { kind = "fix", summary = "Tenant filter restored", rootCause = "A cache key without the tenant id" }, owner);
        var resolved = await api.WaitForAsync(id, r => r.Clock("resolution").Text("state") == "met", "resolution met");
        Assert.Equal("resolved", resolved.Status());
        Assert.Equal("A cache key without the tenant id", resolved.GetProperty("resolution").Text("rootCause"));
        Assert.True(resolved.GetProperty("autoCloseAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var closed = await api.DoAsync(id, "confirm-closure");
        Assert.Equal("closed", closed.Status());

        var reopened = await api.DoAsync(id, "reopen", new { reason = "Seen again on another account" });
        Assert.Equal("reopened", reopened.Status());
        await api.WaitForAsync(id, r => r.Clock("resolution").Text("state") == "running" && r.Clock("resolution").TryGetProperty("dueAt", out _),
            "resolution counting again");

        var whats = (await api.GetAsync(id)).GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("what").GetString()).ToList();
        Assert.Equal(
            ["submitted", "triaged", "offered", "acknowledged", "customer-update-posted", "waiting-on-customer", "resumed", "resolved", "closure-confirmed", "reopened"],
            whats.Where(what => !what!.StartsWith("sla-", StringComparison.Ordinal) && what != "clocks-started"));
        Assert.Single(whats, what => what == "clocks-started");

        // The customer heard of each change, with the next update time.
        var customerMails = await Eventually.ReachesAsync(() => mail.ToAsync(customerEmail, key), messages => messages.Count >= 7, EscalationsClient.PipelineTimeout,
            "the customer's emails");
        var bodies = await Task.WhenAll(customerMails.Select(message => mail.BodyAsync(message.Id)));
        Assert.Empty(await mail.ToAsync("it-desk@lifecycle.example", key));
        Assert.Contains(bodies, body => body.Contains("Next update by", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Contains("Please confirm", StringComparison.Ordinal));
        Assert.Contains(bodies, body => body.Contains("We revoked the shared cache", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_person_offered_can_acknowledge()
    {
        using var api = platform.Escalations(Tenants.Lifecycle);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var someoneElse = assigned.PersonId("backup")!;

        using var response = await api.CommandAsync(id, "acknowledge", actor: someoneElse);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("assigned", (await api.GetAsync(id)).Status());
    }

    [Theory]
    [InlineData("resume", null)]
    [InlineData("resolve", """{"kind":"workaround","summary":"restart"}""")]
    [InlineData("confirm-closure", null)]
    [InlineData("reopen", """{"reason":"again"}""")]
    [InlineData("wait-on-customer", """{"reason":"logs"}""")]
    public async Task A_command_the_status_does_not_allow_is_refused_with_the_current_status(string command, string? body)
    {
        using var api = platform.Escalations(Tenants.Lifecycle);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");

        using var response = await api.CommandAsync(id, command, body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("assigned", problem.GetProperty("currentStatus").GetString());
    }

    [Fact]
    public async Task A_command_on_a_stale_version_is_refused_with_412()
    {
        using var api = platform.Escalations(Tenants.Lifecycle);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");

        using var response = await api.SendAsync(HttpMethod.Post, $"/api/v1/escalations/{id}/cancel", new { reason = "duplicate" }, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(assigned.Status(), (await api.GetAsync(id)).Status());
    }

    [Fact]
    public async Task An_unknown_escalation_is_404_and_a_malformed_command_400_naming_the_field()
    {
        using var api = platform.Escalations(Tenants.Lifecycle);

        using var missing = await api.CommandAsync(Guid.CreateVersion7(), "cancel", new { reason = "gone" });
        using var malformed = await api.CommandAsync(Guid.CreateVersion7(), "resolve", new StringContent("""{"kind":"magic","summary":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _), problem.ToString());
        Assert.False(problem.TryGetProperty("exception", out _), "no stack trace leaves the service");
    }
}
