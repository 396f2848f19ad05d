using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Intake.Domain;

namespace Intake.Api.Views;

/// <summary>Builds the API's views of a record at a moment: its clocks as sla announced them, read at that moment
/// (<see cref="RecordedClocks"/>), and the next action they imply.</summary>
public static class EscalationViews
{
    public static string ETag(EscalationRecord record) => $"\"{record.RowVersion}\"";

    public static EscalationView Full(EscalationRecord record, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now) =>
        Full(record, timeline, RecordedClocks.AsOf(record.Clocks, now));

    public static EscalationSummary Summary(EscalationRecord record, DateTimeOffset now) => Summary(record, RecordedClocks.AsOf(record.Clocks, now));

    private static EscalationView Full(EscalationRecord record, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<SlaClock> clocks) => new(
        record.CorrelationId,
        record.Key,
        record.Status,
        record.Source,
        record.ExternalReference,
        record.Title,
        record.Description,
        record.Severity,
        record.Rules,
        record.HandoffIncomplete,
        record.MissingFacts,
        record.Facts,
        Team(record),
        Person(record.OwnerId, record.OwnerName),
        Person(record.BackupId, record.BackupName),
        Offer(record),
        record.AcknowledgedAt,
        Next(record, clocks),
        Utc(record.NextUpdateDue),
        Sla(record, clocks),
        Breached(record, clocks),
        record.Resolution,
        record.AutoCloseAt,
        record.ClosedAt,
        record.CreatedAt,
        record.UpdatedAt,
        [.. timeline.Select(entry => new TimelineView(
            entry.At,
            new ActorView(entry.Actor.Kind, entry.Actor.Id, entry.Actor.Name),
            entry.What,
            entry.FromStatus,
            entry.ToStatus,
            entry.Detail,
            entry.Reason))]);

    private static EscalationSummary Summary(EscalationRecord record, IReadOnlyList<SlaClock> clocks) => new(
        record.CorrelationId,
        record.Key,
        record.Title,
        record.Status,
        record.Severity,
        record.IssueType,
        new CustomerView(record.CustomerId, record.CustomerName, record.CustomerTier),
        Team(record),
        Person(record.OwnerId, record.OwnerName),
        Offer(record),
        Breached(record, clocks),
        Next(record, clocks),
        Utc(record.NextUpdateDue),
        record.CreatedAt,
        record.UpdatedAt);

    private static TeamView? Team(EscalationRecord record) => record.TeamId is null ? null : new(record.TeamId, record.TeamName!);

    private static PersonView? Person(string? id, string? name) => id is null ? null : new(id, name ?? id);

    /// <summary>The pending offer, while there is one.</summary>
    private static OfferView? Offer(EscalationRecord record) =>
        record.Status == EscalationStatus.Assigned && record.OfferedToId is not null
            ? new(new PersonView(record.OfferedToId, record.OfferedToName!), record.OfferLevel!.Value, record.RespondBy)
            : null;

    private static SlaView Sla(EscalationRecord record, IReadOnlyList<SlaClock> clocks) => new(
        RecordedClocks.AnyBreached(clocks),
        Utc(record.NextUpdateDue),
        Utc(record.CommitmentAt),
        [.. clocks.Select(clock => new ClockView(clock.Kind, clock.State, clock.StartedAt, clock.DueAt, (long)clock.Target.TotalSeconds, clock.MetAt,
            clock.BreachedAt, clock.Calendar))]);

    /// <summary>Breached once sla said so, or once a clock's due time passed (before sla's announcement arrives).</summary>
    private static bool Breached(EscalationRecord record, IReadOnlyList<SlaClock> clocks) => record.Breached || RecordedClocks.AnyBreached(clocks);

    private static NextActionView? Next(EscalationRecord record, IReadOnlyList<SlaClock> clocks)
    {
        var next = NextActions.For(new NextActionFacts(
            record.Status,
            record.OwnerName,
            record.OfferedToName,
            Utc(record.RespondBy),
            Utc(record.NextUpdateDue),
            RecordedClocks.ResolutionDue(clocks),
            Utc(record.AutoCloseAt),
            [.. record.MissingFacts.Select(fact => fact.Description)]));
        return next is null ? null : new(next.What, next.Who, next.DueAt);
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
