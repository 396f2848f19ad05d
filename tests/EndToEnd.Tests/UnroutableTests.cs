using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>A tenant that has not described its organisation yet: an escalation it submits cannot be offered to
/// anyone, and that is visible and told, never silent.</summary>
public sealed class UnroutableTests(PlatformFixture platform)
{
    /// <summary>Notification's planner, its delivery worker and the mail server, on a machine running every other test.</summary>
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_case_in_a_tenant_without_teams_waits_triaged_saying_why_and_leadership_is_told()
    {
        using var api = platform.Escalations(Tenants.Unstaffed);
        var id = await api.SubmitAsync(Cases.FirstCase());

        var record = await api.WaitForAsync(id, r => r.TryGetProperty("unroutableReason", out var reason) && reason.GetString() is not null, "unroutable");

        Assert.Equal("triaged", record.Status());
        Assert.Equal("no routing rule matches and no team takes other issues", record.GetProperty("unroutableReason").GetString());
        Assert.Equal("team lead and managers", record.GetProperty("nextAction").GetProperty("who").GetString());
        Assert.Contains(record.GetProperty("timeline").EnumerateArray(), entry => entry.GetProperty("what").GetString() == "unroutable");
        using var mail = platform.Mail();
        var key = record.GetProperty("key").GetString()!;
        await Eventually.ReachesAsync(() => mail.ToAsync($"leadership@{Tenants.Unstaffed}.example", $"[{key}]"), messages => messages.Count == 1,
            MailPatience, "leadership told once");
        var told = Assert.Single(await mail.ToAsync($"leadership@{Tenants.Unstaffed}.example", $"[{key}]"));
        Assert.Contains("has no owner", told.Subject, StringComparison.Ordinal);
    }
}
