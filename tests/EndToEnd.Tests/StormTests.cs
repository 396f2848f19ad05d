using EscalationPlatform.Harness.Load;

namespace EndToEnd.Tests;

/// <summary>A CI-sized alert storm (./bench.sh storm is the full one): many repeats of a few hot keys at once, from
/// Alertmanager and PagerDuty. It asserts exactly-once and ownership, not timings.</summary>
public sealed class StormTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_storm_of_repeated_alerts_opens_one_escalation_per_key_and_loses_none()
    {
        var plan = StormPlan.Create(RunId(), alerts: 5 * 20, events: 4 * 10, groups: 5, keys: 4, duration: TimeSpan.Zero);
        var alertmanager = await Credentials.ApiKeyAsync(platform, Tenants.Storm, ["integrations:alertmanager"], customerId: "globex");
        var pagerDuty = await Credentials.CreateAsync(platform, Tenants.Storm, new { name = "storm", kind = "pagerduty", customerId = "acme" });
        using var driver = new StormDriver(platform.Endpoint("gateway", "http"), alertmanager.Key, pagerDuty.Key);

        await driver.RunAsync(plan, TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, int> { ["202"] = 140 }, driver.AnswersByStatus());
        var report = await AuditAsync(Tenants.Storm, plan, driver);
        Assert.Empty(report.Findings);
        Assert.Equal(9, report.Escalations);
        Assert.All(report.Keys, key => Assert.Equal(key.Accepted - 1, key.Repeats));
        Assert.Equal(140 - 9, report.RepeatEntries);
        Assert.True(report.Clean);
    }

    [Fact]
    public async Task Twenty_simultaneous_first_triggers_for_one_dedup_key_open_one_escalation()
    {
        var plan = StormPlan.Create(RunId(), alerts: 0, events: 20, groups: 0, keys: 1, duration: TimeSpan.Zero);
        var pagerDuty = await Credentials.CreateAsync(platform, Tenants.StormRace, new { name = "race", kind = "pagerduty", customerId = "acme" });
        using var driver = new StormDriver(platform.Endpoint("gateway", "http"), alertmanagerKey: null, pagerDuty.Key);

        await driver.RunAsync(plan, TestContext.Current.CancellationToken);

        Assert.Equal(new Dictionary<string, int> { ["202"] = 20 }, driver.AnswersByStatus());
        var report = await AuditAsync(Tenants.StormRace, plan, driver);
        Assert.Empty(report.Findings);
        var key = Assert.Single(report.Keys);
        Assert.Single(key.Escalations);
        Assert.Equal(19, key.Repeats);
    }

    private async Task<StormReport> AuditAsync(string tenant, StormPlan plan, StormDriver driver)
    {
        using var reader = await platform.GatewayAsAsync(tenant);
        return await new StormAudit(reader).RunAsync(plan, driver.Results, Patience, TestContext.Current.CancellationToken);
    }

    private static string RunId() => Guid.NewGuid().ToString("N")[..8];
}
