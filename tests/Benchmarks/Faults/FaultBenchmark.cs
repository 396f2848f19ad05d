using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Benchmarks.Platform;
using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Harness.Load;
using EscalationPlatform.Testing;

namespace Benchmarks.Faults;

/// <summary>./bench.sh faults [--replicas N] [--rate N] [--only NAME]: steady load through the gateway while, in turn, each service
/// is killed with SIGKILL and started again, RabbitMQ and PostgreSQL are restarted and Redis is stopped for a while.
/// Each fault gets a tenant of its own, so its audit (once the platform is quiet) counts exactly the escalations
/// submitted around it. Without --replicas it runs the whole round with one replica of each service, then with two; then,
/// on a three-node RabbitMQ cluster with quorum queues (as the production overlay runs), one node stopped and left down.</summary>
public static class FaultBenchmark
{
    private static readonly TimeSpan AcknowledgementWindow = TimeSpan.FromSeconds(10);

    private sealed record Fault(string Name, string Tenant, Func<FaultInjector, Task> Inject);

    /// <summary>One fault's audit; <c>BackAfter</c> runs from the end of the fault (the process started again and healthy,
    /// the server answering) to the first escalation owned and on the clock after it.</summary>
    public sealed record Outcome(string Fault, int Replicas, int Sent, Dictionary<string, int> Statuses, AuditReport Audit, TimeSpan? BackAfter);

    private const string NodeLoss = "stop a RabbitMQ node (1 of 3, left down)";

    private static readonly Fault[] Faults =
    [
        .. PlatformProcesses.Assemblies.Where(service => service.Key != "gateway").Select(service =>
            new Fault($"SIGKILL {service.Key}", $"kill-{service.Key.Replace("-api", "")}", injector => injector.KillServiceAsync(service.Key, service.Value, CancellationToken.None))),
        new Fault("restart RabbitMQ", "restart-messaging", injector => injector.StopServerAsync("messaging", TimeSpan.FromSeconds(3), CancellationToken.None)),
        new Fault("restart PostgreSQL", "restart-postgres", injector => injector.RestartPostgresAsync(TimeSpan.FromSeconds(3), CancellationToken.None)),
        new Fault("stop Redis for 15 s", "stop-cache", injector => injector.StopServerAsync("cache", TimeSpan.FromSeconds(15), CancellationToken.None)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Arguments.Number(args, "--rate", 20);
        var only = Arguments.Text(args, "--only");
        var replicaCounts = Arguments.Int(args, "--replicas", 0) is var replicas and > 0 ? [replicas] : new[] { 1, 2 };
        var outcomes = new List<Outcome>();
        var output = BenchmarkOutput.NameFor(args, "faults");
        Task Save(bool final) => BenchmarkOutput.WriteAsync(output, new { Machine = Machine.Describe(), Rate = rate, Outcomes = outcomes }, Markdown(rate, outcomes), final);
        Task Done(Outcome outcome)
        {
            outcomes.Add(outcome);
            return Save(final: false);
        }

        foreach (var count in replicaCounts)
        {
            await RoundAsync(count, rate, [.. Faults.Where(fault => only is null || fault.Name.Contains(only, StringComparison.OrdinalIgnoreCase))], Done);
        }

        if (only is null || NodeLoss.Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            await using var cluster = await RabbitMqCluster.StartAsync(Path.Combine(Path.GetTempPath(), $"escalation-bench-cluster-{Guid.NewGuid():N}"));
            await RoundAsync(replicaCounts[0], rate, [new Fault(NodeLoss, "stop-broker-node", _ => cluster.StopNodeAsync(0))], Done, cluster);
        }

        await Save(final: true);
        return outcomes.All(outcome => outcome.Audit.Clean) ? 0 : 1;
    }

    private static async Task RoundAsync(int replicas, double rate, IReadOnlyList<Fault> faults, Func<Outcome, Task> done, RabbitMqCluster? cluster = null)
    {
        if (faults.Count == 0)
        {
            return;
        }

        await using var host = await BenchPlatform.StartAsync(faults.Select(fault => fault.Tenant), replicas, cluster);
        var injector = new FaultInjector(host);
        using var mail = host.CreateClient("mail");
        foreach (var fault in faults)
        {
            Console.Error.WriteLine($"{fault.Name} ({replicas} replica(s)) under {rate:0}/s...");
            var key = await host.PartnerKeyAsync(fault.Tenant, "bench");
            await ShortenAcknowledgementWindowsAsync(host, fault.Tenant);
            using var load = new LoadDriver(host.Endpoint("gateway"), key, new CaseMix($"{fault.Tenant}-{Guid.NewGuid():N}"[..24]));
            var running = load.RunAtRateAsync(rate, TimeSpan.FromSeconds(30), CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(8));
            await fault.Inject(injector);
            var faultOver = DateTimeOffset.UtcNow;
            await running;
            await Task.Delay(3 * AcknowledgementWindow); // the last offers move to the backup, then to the team lead

            using var gateway = host.PartnerClient(key);
            var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(4), CancellationToken.None);
            var statuses = load.AnswersByStatus();
            statuses["sent again"] = load.Results.Count(sent => sent.Attempts > 1); // same Idempotency-Key, after no answer or a 5xx
            statuses["created, answer lost"] = audit.CreatedUnanswered;
            var backAfter = audit.FirstCompletionAfter(faultOver);
            Console.Error.WriteLine($"  accepted {audit.Accepted}, lost {audit.Lost}, duplicated {audit.Duplicated}, stuck {audit.Stuck}, " +
                $"repeated {audit.RepeatedTransitions}, timers fired {audit.TimersFired}, notifications undelivered {audit.UndeliveredNotifications} / duplicated {audit.DuplicatedNotifications}, " +
                $"submission to owned p99 {audit.SubmissionToOwned.P99:N0} ms, first case owned {Seconds(backAfter)} after the fault ended");
            foreach (var finding in audit.Findings.Take(5))
            {
                Console.Error.WriteLine($"  - {finding}");
            }

            await EmptyMailboxAsync(mail);
            await done(new Outcome(fault.Name, replicas, load.Results.Count, statuses, audit, backAfter));
        }
    }

    /// <summary>smtp4dev slows down with the mail it holds (about 5 ms a message when nearly empty, 14 ms at 10,000, a
    /// whole core at 80 messages/s): a round's mail, kept, made the fifth fault's deliveries time out. Each fault's audit
    /// has read its mail by then.</summary>
    private static async Task EmptyMailboxAsync(HttpClient mail)
    {
        (await mail.DeleteAsync("/api/messages/*")).EnsureSuccessStatusCode();
        (await mail.DeleteAsync("/api/sessions/*")).EnsureSuccessStatusCode();
    }

    private static string Seconds(TimeSpan? span) => span is { } value ? $"{value.TotalSeconds:0.0} s" : "(none)";

    /// <summary>Offers that nobody acknowledges move up the ladder when their timer fires: with a short window every
    /// case's timers fire during the run, so the audit sees whether a timer fired twice (an offer moved twice).</summary>
    private static async Task ShortenAcknowledgementWindowsAsync(PlatformHost host, string tenant)
    {
        using var admin = await host.GatewayAsAsync(tenant);
        var window = AcknowledgementWindow.ToString("c", CultureInfo.InvariantCulture);
        using var response = await admin.PutAsJsonAsync("/api/v1/routing/escalation-policy",
            new { acknowledgementWindows = new Dictionary<string, string> { ["S1"] = window, ["S2"] = window, ["S3"] = window, ["S4"] = window } });
        response.EnsureSuccessStatusCode();
    }

    private static string Markdown(double rate, List<Outcome> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Faults under {rate:0} submissions/s (30 s of load per fault, the fault 8 s in, offers moving up every {AcknowledgementWindow.TotalSeconds:0} s)");
        text.AppendLine();
        text.AppendLine($"Machine: {Machine.Describe()}");
        text.AppendLine();
        text.AppendLine("| replicas | fault | sent | answers | accepted | lost | duplicated | stuck | repeated steps | timers fired | notifications undelivered / duplicated | submission to owned | first case owned after the fault ended |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var outcome in outcomes)
        {
            var audit = outcome.Audit;
            text.AppendLine($"| {outcome.Replicas} | {outcome.Fault} | {outcome.Sent:N0} | {string.Join(", ", outcome.Statuses.Select(status => $"{status.Key}: {status.Value}"))} | " +
                $"{audit.Accepted:N0} | {audit.Lost} | {audit.Duplicated} | {audit.Stuck} | {audit.RepeatedTransitions} | {audit.TimersFired:N0} | {audit.UndeliveredNotifications} / {audit.DuplicatedNotifications} | " +
                $"p50 {audit.SubmissionToOwned.P50:N0} ms, p99 {audit.SubmissionToOwned.P99:N0} ms, max {audit.SubmissionToOwned.Max:N0} ms | {Seconds(outcome.BackAfter)} |");
        }

        foreach (var finding in outcomes.SelectMany(outcome => outcome.Audit.Findings.Take(5).Select(finding => $"{outcome.Replicas}× {outcome.Fault}: {finding}")))
        {
            text.AppendLine($"- {finding}");
        }

        return text.ToString();
    }
}
