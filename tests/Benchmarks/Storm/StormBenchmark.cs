using System.Text;
using Benchmarks.Platform;
using EscalationPlatform.Harness.Load;

namespace Benchmarks.Storm;

/// <summary>./bench.sh storm [--alerts N] [--events N] [--groups N] [--keys N] [--duration S] [--seed N]: an alert storm
/// through the gateway (Alertmanager webhook POSTs over alert groups and PagerDuty triggers over dedup keys, open loop,
/// front-loaded; see <see cref="StormPlan"/>), then the audit: exactly one escalation per group and key, owned and on the
/// clock, every accepted event noted once, and each group owned soon after its first alert.</summary>
public static class StormBenchmark
{
    private const string Tenant = "storm";
    private const double IntakeP99TargetMs = 200;
    private const double OwnedWithinMs = 2_000;
    private const int RateLimitPerMinute = 20_000; // an integration's default (6,000) is exactly 2,000 in 20 s
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public sealed record Check(string Name, string Target, string Measured, bool Passed);

    public sealed record Result(
        string Machine, int Alerts, int Events, int Groups, int Keys, double PlannedSeconds, double ElapsedSeconds, Dictionary<string, int> Statuses,
        Percentiles IntakeLatency, StormReport Audit, IReadOnlyList<Check> Checks);

    public static async Task<int> RunAsync(string[] args)
    {
        var alerts = Arguments.Int(args, "--alerts", 2_000);
        var events = Arguments.Int(args, "--events", 500);
        var groups = Arguments.Int(args, "--groups", 50);
        var keys = Arguments.Int(args, "--keys", 40);
        var duration = TimeSpan.FromSeconds(Arguments.Number(args, "--duration", 20));
        var plan = StormPlan.Create(Guid.NewGuid().ToString("N")[..8], alerts, events, groups, keys, duration, Arguments.Int(args, "--seed", 11));

        await using var host = await BenchPlatform.StartAsync([Tenant]);
        var (_, alertmanager) = await host.ApiKeyAsync(Tenant, new
        {
            name = "storm alertmanager", scopes = new[] { "integrations:alertmanager" }, customerId = "acme", rateLimitPerMinute = RateLimitPerMinute,
        });
        var (_, pagerDuty) = await host.ApiKeyAsync(Tenant, new { name = "storm pagerduty", kind = "pagerduty", customerId = "globex", rateLimitPerMinute = RateLimitPerMinute });
        using var reader = host.PartnerClient(await host.PartnerKeyAsync(Tenant, "storm audit"));
        using var driver = new StormDriver(host.Endpoint("gateway"), alertmanager, pagerDuty);
        await PipelineQuiet.WaitAsync(host, TimeSpan.FromMinutes(5));

        Console.Error.WriteLine($"Storm: {alerts:N0} Alertmanager alerts over {groups} groups and {events:N0} PagerDuty events over {keys} keys in {duration.TotalSeconds:0} s...");
        var started = DateTimeOffset.UtcNow;
        await driver.RunAsync(plan, CancellationToken.None);
        var elapsed = DateTimeOffset.UtcNow - started;
        Console.Error.WriteLine("Auditing once every escalation is owned and on the clock...");
        var audit = await new StormAudit(reader).RunAsync(plan, driver.Results, Patience, CancellationToken.None);

        var statuses = driver.AnswersByStatus();
        var latency = Percentiles.Of(driver.Results.Where(sent => sent.Status != 0).Select(sent => sent.LatencyMs));
        var result = new Result(Machine.Describe(), alerts, events, groups, keys, duration.TotalSeconds, elapsed.TotalSeconds, statuses, latency, audit,
            Checks(plan, statuses, latency, audit));
        await BenchmarkOutput.WriteAsync(args, "storm", result, Markdown(result));
        return result.Checks.All(check => check.Passed) ? 0 : 1;
    }

    private static List<Check> Checks(StormPlan plan, Dictionary<string, int> statuses, Percentiles latency, StormReport audit)
    {
        var owned = audit.Keys.Select(key => key.FirstAlertToOfferedMs).OfType<double>().ToList();
        return
        [
            new("every answer 202", $"{plan.Sends.Count:N0}", $"{statuses.GetValueOrDefault("202"):N0}", statuses.Count == 1 && statuses.GetValueOrDefault("202") == plan.Sends.Count),
            new("intake latency p99 through the gateway", $"< {IntakeP99TargetMs:N0} ms", $"{latency.P99:N0} ms", latency.P99 < IntakeP99TargetMs),
            new("escalations", $"{plan.ExpectedEscalations}", $"{audit.Escalations}", audit.Escalations == plan.ExpectedEscalations),
            new("lost / doubled", "0 / 0", $"{audit.Lost} / {audit.Doubled}", audit.Lost == 0 && audit.Doubled == 0),
            new("owned and on the clock, every step once", "all", $"{audit.Unsettled} unsettled, {audit.RepeatedSteps} steps repeated",
                audit.Unsettled == 0 && audit.RepeatedSteps == 0),
            new("alert-repeated entries", $"{audit.AcceptedEvents - plan.ExpectedEscalations:N0} (accepted - escalations)", $"{audit.RepeatEntries:N0}",
                audit.RepeatEntries == audit.AcceptedEvents - plan.ExpectedEscalations && audit.RepeatsMissing == 0),
            new("notifications delivered twice", "0", $"{audit.DuplicatedDeliveries}", audit.DuplicatedDeliveries == 0),
            new("first alert -> offered, every group and key", $"<= {OwnedWithinMs:N0} ms", owned.Count == 0 ? "none offered" : $"max {owned.Max():N0} ms ({owned.Count})",
                owned.Count == plan.ExpectedEscalations && owned.Max() <= OwnedWithinMs),
        ];
    }

    private static string Markdown(Result result)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Storm: {result.Alerts:N0} Alertmanager alerts over {result.Groups} groups, {result.Events:N0} PagerDuty events over {result.Keys} keys, " +
            $"{result.PlannedSeconds:0} s");
        text.AppendLine();
        text.AppendLine($"Machine: {result.Machine}");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| requests sent (took) | {result.Statuses.Values.Sum():N0} ({result.ElapsedSeconds:0.0} s) |");
        text.AppendLine($"| answers by status | {string.Join(", ", result.Statuses.Select(status => $"{status.Key}: {status.Value:N0}"))} |");
        text.AppendLine($"| intake latency through the gateway | {result.IntakeLatency} |");
        text.AppendLine($"| escalations found / expected | {result.Audit.Escalations} / {result.Audit.Expected} |");
        text.AppendLine($"| first alert -> offered, per group and key | {result.Audit.FirstAlertToOffered} |");
        text.AppendLine($"| lost / doubled | {result.Audit.Lost} / {result.Audit.Doubled} |");
        text.AppendLine($"| alert-repeated entries / accepted events | {result.Audit.RepeatEntries:N0} / {result.Audit.AcceptedEvents:N0} |");
        text.AppendLine();
        text.AppendLine("| check | target | measured | |");
        text.AppendLine("|---|---|---|---|");
        foreach (var check in result.Checks)
        {
            text.AppendLine($"| {check.Name} | {check.Target} | {check.Measured} | {(check.Passed ? "pass" : "**FAIL**")} |");
        }

        text.AppendLine();
        foreach (var finding in result.Audit.Findings.Take(10))
        {
            text.AppendLine($"- {finding}");
        }

        return text.ToString();
    }
}
