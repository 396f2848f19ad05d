using System.Text.Json;
using EscalationPlatform.Contracts;
using MassTransit;
using Sla.Api.Data;
using Sla.Api.Policies;
using Sla.Domain;

namespace Sla.Api.Clocks;

/// <summary>Keeps an escalation's clocks: records what happened, derives the clocks, announces every threshold
/// reached and not yet announced (a warning only while its clock still runs; a breach always), and says when to
/// look again. Announcing is idempotent: a threshold is announced once, however often the keeper looks.</summary>
public sealed class ClockKeeper(SlaDbContext db, PolicyStore policies, TimeProvider clock)
{
    /// <summary>A threshold announced this much later than it fell is flagged late (the service was down then).</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromSeconds(5);

    public async Task<ClockReport> ReportAsync(ClocksState state, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAsync(db, state.TenantId, cancellationToken);
        return ClockEngine.Evaluate(
            ClockHistoryJson.Read(state.History),
            policy.For((Severity)state.Severity, Enum.Parse<CustomerTier>(state.Tier)),
            policy,
            state.TimeZone,
            clock.GetUtcNow());
    }

    public void Record(ClocksState state, ClockEvent happened) =>
        state.History = ClockHistoryJson.Write([.. ClockHistoryJson.Read(state.History), happened]);

    /// <summary>Announces new thresholds and plans the next look; returns the report for the commitment.</summary>
    public async Task<ClockReport> KeepAsync(ClocksState state, IPublishEndpoint publish, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(state, cancellationToken);
        var announced = JsonSerializer.Deserialize<HashSet<string>>(state.Announced)!;
        var now = clock.GetUtcNow();
        foreach (var threshold in report.Reached.Where(threshold => !announced.Contains(threshold.Key)))
        {
            announced.Add(threshold.Key);
            var running = report.Clocks.Any(c => c.Kind == threshold.Clock && c.Cycle == threshold.Cycle && c.State is ClockState.Running or ClockState.Breached);
            if (!threshold.IsBreach && !running)
            {
                continue; // a warning for a clock that has since stopped is no longer news
            }

            await publish.Publish(new SlaThresholdReached
            {
                EscalationId = state.CorrelationId,
                TenantId = state.TenantId,
                Clock = threshold.Clock,
                Threshold = threshold.IsBreach ? ThresholdKind.Breach : ThresholdKind.Warning,
                PercentElapsed = threshold.Percent,
                Severity = (Severity)state.Severity,
                DueAt = threshold.DueAt ?? threshold.At,
                ReachedAt = threshold.At,
                AnnouncedLateBy = now - threshold.At > LateTolerance ? now - threshold.At : null,
            }, cancellationToken);
        }

        state.Announced = JsonSerializer.Serialize(announced);
        state.NextEvaluationAt = report.NextThresholdAt?.UtcDateTime;
        return report;
    }

    public static CustomerCommitmentUpdated Commitment(ClocksState state, ClockReport report, string? message, DateTimeOffset at) => new()
    {
        EscalationId = state.CorrelationId,
        TenantId = state.TenantId,
        Status = Enum.Parse<EscalationStatus>(state.Status),
        NextUpdateDue = report.NextUpdateDue,
        ResolutionDue = report.Clocks.FirstOrDefault(c => c.Kind == ClockKind.Resolution && c.State is ClockState.Running or ClockState.Breached)?.DueAt,
        Message = message,
        At = at,
    };

    /// <summary>What a status change means for the clocks (nothing, for most).</summary>
    public static ClockEvent? ClockEventFor(EscalationStatusChanged change) => change.To switch
    {
        EscalationStatus.Acknowledged => new FirstResponded(change.At),
        EscalationStatus.WaitingOnCustomer => new Paused(change.At),
        EscalationStatus.InProgress when change.From == EscalationStatus.WaitingOnCustomer => new Resumed(change.At),
        EscalationStatus.Resolved => new Resolved(change.At),
        EscalationStatus.Reopened => new Reopened(change.At),
        EscalationStatus.Closed or EscalationStatus.Cancelled => new Ended(change.At),
        _ => null,
    };
}
