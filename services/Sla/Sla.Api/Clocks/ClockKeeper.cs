using EscalationPlatform.Contracts;
using MassTransit;
using Sla.Api.Policies;
using Sla.Domain;

namespace Sla.Api.Clocks;

/// <summary>Keeps an escalation's clocks: records what happened, derives the clocks (<see cref="ClockEngine"/>),
/// announces the thresholds <see cref="ThresholdAnnouncements"/> picks, and says when to look again. Announcing is
/// idempotent: the keys announced are saved with the clocks. The rules are in Sla.Domain; here are persistence and
/// publishing.</summary>
public sealed class ClockKeeper(ISlaPolicies policies, ITeamZones teams, TimeProvider clock)
{
    /// <summary>The clocks as of now under the policy in force (at least version <paramref name="atLeast"/>).</summary>
    public async Task<ClockReport> ReportAsync(ClocksState state, CancellationToken cancellationToken, int atLeast = 0) =>
        Report(state, (await policies.CurrentAsync(state.TenantId, cancellationToken, atLeast)).Value);

    public ClockReport Report(ClocksState state, SlaPolicy policy)
    {
        var @case = Case(state);
        return ClockEngine.Evaluate(@case.History, @case.TargetsUnder(policy), policy, @case.Zones, clock.GetUtcNow());
    }

    /// <summary>What the clocks of an escalation are derived from.</summary>
    public static ClockedCase Case(ClocksState state) => new(
        state.CorrelationId, state.Key, state.Title, (Severity)state.Severity, state.Tier, new ClockZones(state.TimeZone, state.TeamTimeZone),
        [.. state.History.Select(entry => entry.ToEvent())], state.ContractualSla);

    /// <summary>After a policy was published: which due times it moved from the version before (null when none moved, or
    /// when either version is unknown here), with the clocks as they now stand.</summary>
    public async Task<SlaTargetsChanged?> TargetsChangedAsync(ClocksState state, ReplanClocks replan, CancellationToken cancellationToken)
    {
        var previous = await policies.VersionAsync(state.TenantId, replan.PreviousVersion, cancellationToken);
        var published = await policies.VersionAsync(state.TenantId, replan.Version, cancellationToken);
        if (previous is null || published is null)
        {
            return null;
        }

        await FollowTeamAsync(state, published.Value, cancellationToken);
        var now = clock.GetUtcNow();
        var moved = PolicyPreview.Of(Case(state), previous.Value, published.Value, now).Clocks.Where(move => move.DueBefore != move.DueAfter).ToList();
        if (moved.Count == 0)
        {
            return null;
        }

        var report = await ReportAsync(state, cancellationToken, replan.Version);
        return new()
        {
            EscalationId = state.CorrelationId,
            TenantId = state.TenantId,
            PolicyVersion = replan.Version,
            PublishedBy = replan.PublishedBy,
            Reason = replan.Reason,
            Changes = [.. moved.Select(move => new SlaClockChange(move.Clock, move.DueBefore, move.DueAfter))],
            Clocks = [.. report.Clocks.Select(Clock)],
            NextUpdateDue = report.NextUpdateDue,
            At = now,
        };
    }

    public void Record(ClocksState state, ClockEvent happened) =>
        state.History = [.. state.History, ClockHistoryEntry.From(happened)];

    /// <summary>When the case's targets count in the owning team's zone, takes that zone as routing says it now: at every
    /// look, as a handoff may have moved the case to another team (the last zone known stays when routing cannot say).</summary>
    private async Task FollowTeamAsync(ClocksState state, SlaPolicy policy, CancellationToken cancellationToken)
    {
        if (policy.CountsInTeamZone(policy.For((Severity)state.Severity, state.Tier, state.ContractualSla))
            && await teams.ZoneOfAsync(state.TenantId, state.CorrelationId, cancellationToken) is { } zone)
        {
            state.TeamTimeZone = zone;
        }
    }

    /// <summary>Announces new thresholds and plans the next look; returns the report for the commitment.</summary>
    public async Task<ClockReport> KeepAsync(ClocksState state, IPublishEndpoint publish, CancellationToken cancellationToken, int atLeast = 0)
    {
        var policy = (await policies.CurrentAsync(state.TenantId, cancellationToken, atLeast)).Value;
        await FollowTeamAsync(state, policy, cancellationToken);
        var report = Report(state, policy);
        var plan = ThresholdAnnouncements.Plan(report, state.Announced, clock.GetUtcNow());
        foreach (var announcement in plan.Announcements)
        {
            await publish.Publish(new SlaThresholdReached
            {
                EscalationId = state.CorrelationId,
                TenantId = state.TenantId,
                Clock = announcement.Clock,
                Threshold = announcement.Kind,
                PercentElapsed = announcement.PercentElapsed,
                Severity = (Severity)state.Severity,
                DueAt = announcement.DueAt,
                ReachedAt = announcement.ReachedAt,
                AnnouncedLateBy = announcement.LateBy,
            }, cancellationToken);
        }

        state.Announced = [.. plan.Announced];
        state.NextEvaluationAt = report.NextThresholdAt?.UtcDateTime;
        return report;
    }

    /// <summary>The commitment to announce after <paramref name="report"/>, with its clocks, or null when it says nothing
    /// new (<see cref="AnnouncedCommitment.IsNews"/>); an announced one is remembered in <paramref name="state"/>. Every
    /// event that changes a clock other than by time (start, pause, resume, met, stop, reopen) also changes the status
    /// the customer sees or carries a message, so the clocks need no news test of their own.</summary>
    public static CustomerCommitmentUpdated? Commitment(ClocksState state, ClockReport report, string? message, DateTimeOffset at)
    {
        var last = state.CommittedStatus is { } committed // the clocks start in Triaged: the first commitment always has one
            ? new AnnouncedCommitment(committed, new CustomerCommitment(Utc(state.CommittedNextUpdateDue), Utc(state.CommittedResolutionDue)))
            : null;
        var next = AnnouncedCommitment.Of(state.Status, CustomerCommitment.From(report), last);
        if (!AnnouncedCommitment.IsNews(last, next, message))
        {
            return null;
        }

        var commitment = next.Commitment;
        (state.CommittedStatus, state.CommittedNextUpdateDue, state.CommittedResolutionDue) =
            (next.CustomerStatus, commitment.NextUpdateDue?.UtcDateTime, commitment.ResolutionDue?.UtcDateTime);
        return new()
        {
            EscalationId = state.CorrelationId,
            TenantId = state.TenantId,
            Status = state.Status,
            NextUpdateDue = commitment.NextUpdateDue,
            ResolutionDue = commitment.ResolutionDue,
            Message = message,
            At = at,
            Key = state.Key,
            Title = state.Title,
            Customer = state.CustomerId is null ? null : new CustomerRef(state.CustomerId, state.CustomerName!, state.CustomerEmail, state.TimeZone),
            Severity = (Severity)state.Severity,
            Clocks = [.. report.Clocks.Select(Clock)],
            Breached = report.Breached,
        };
    }

    private static SlaClock Clock(ClockStatus clock) =>
        new(clock.Kind, clock.State, clock.StartedAt, clock.DueAt, clock.Target, clock.MetAt, clock.BreachedAt, clock.Calendar);

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
