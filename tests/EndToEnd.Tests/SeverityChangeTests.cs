using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>A severity changed after triage moves everything that depends on it: a manager raising a case gets the
/// S1 clocks and the S1 acknowledgement window for the person offered it, and triage deciding another severity after
/// new facts does the same; only the owner, the team lead or a manager may change it, and only to another severity.</summary>
public sealed class SeverityChangeTests(PlatformFixture platform)
{
    private static bool HasClocks(JsonElement record) =>
        record.TryGetProperty("sla", out var sla) && sla.ValueKind == JsonValueKind.Object && sla.GetProperty("clocks").GetArrayLength() > 0;

    private static DateTimeOffset FirstResponseDue(JsonElement record) => record.Clock("first-response").GetProperty("dueAt").GetDateTimeOffset();

    [Fact]
    public async Task A_manager_raising_a_case_to_S1_moves_its_clocks_and_the_offer_and_triage_no_longer_changes_it()
    {
        using var api = platform.Escalations(Tenants.SeverityChange);
        var submittedAt = DateTimeOffset.UtcNow;
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned" && HasClocks(record), "offered, with clocks");
        Assert.Equal("S3", offered.Text("severity"));
        var offeree = offered.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;

        using (var stranger = await api.CommandAsync(id, "severity", new { severity = "S1", reason = "I think so" }, actor: "someone-else"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        }

        var raised = await api.DoAsync(id, "severity", new { severity = "S1", reason = "every region is affected now" });
        Assert.Equal("S1", raised.Text("severity"));
        var note = Assert.Single(raised.Timeline("severity-changed"));
        Assert.Equal(("S3 -> S1", "every region is affected now"), (note.Text("detail"), note.Text("reason")));

        var moved = await api.WaitForAsync(id, record => FirstResponseDue(record) <= DateTimeOffset.UtcNow.AddMinutes(15) && record.Timeline("offer-replanned").Any(),
            "S1 clocks and a re-planned offer");
        Assert.InRange(FirstResponseDue(moved), submittedAt.AddMinutes(15).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(15));
        Assert.Equal(offeree, moved.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString());
        Assert.True(moved.GetProperty("offer").GetProperty("respondBy").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddMinutes(5)); // S1's window

        using (var same = await api.CommandAsync(id, "severity", new { severity = "S1", reason = "again" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
            var errors = (await same.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal("the escalation is already S1: name another severity", errors.GetProperty("severity")[0].GetString());
        }

        var reassessed = await api.DoAsync(id, "context", new { context = new { observed = "only the reporting team, after all" } });
        var kept = await api.WaitForAsync(id, record => record.Timeline("reassessed").Any(), "reassessed");
        Assert.Equal("S1", kept.Text("severity"));
        Assert.Contains("set by", kept.Timeline("reassessed").Last().Text("detail"), StringComparison.Ordinal);
        Assert.Equal("S1", reassessed.Text("severity"));
    }

    [Fact]
    public async Task Triage_deciding_another_severity_after_new_facts_moves_the_clocks_too()
    {
        using var api = platform.Escalations(Tenants.SeverityChange);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var before = await api.WaitForAsync(id, record => record.Status() == "assigned" && HasClocks(record), "offered, with clocks");

        await api.DoAsync(id, "context", new { urgency = new { outage = true, workaroundAvailable = false }, impact = new { scope = "organisation", affectedCount = 500 } });

        var after = await api.WaitForAsync(id, record => record.Text("severity") != "S3" && FirstResponseDue(record) < FirstResponseDue(before),
            "a higher severity with its clocks");
        Assert.Equal("triage", Assert.Single(after.Timeline("severity-changed")).GetProperty("actor").GetProperty("id").GetString());
    }
}
