using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Intake.Domain;

namespace Intake.Api.Views;

/// <summary>Builds the API's views of a record at a moment: its clocks as sla announced them, read at that moment
/// (<see cref="RecordedClocks"/>), and the next action they imply.</summary>
public static class EscalationViews
{
    public static string ETag(EscalationRecord record) => $"\"{record.RowVersion}\"";

    public static EscalationView Full(EscalationRecord record, IReadOnlyList<TimelineEntry> timeline, DateTimeOffset now, Caller caller)
    {
        var line = EscalationLine.Of(record);
        var clocks = RecordedClocks.AsOf(line.Clocks, now);
        return new(
            record.CorrelationId,
            record.Key,
            record.Status,
            record.Source,
            record.ExternalReference,
            record.Title,
            record.Description,
            record.Severity,
            record.Rules,
            record.MatrixVersion,
            record.HandoffIncomplete,
            record.UnroutableReason,
            record.Flag,
            record.MissingFacts,
            record.Suggestions,
            record.Deflection,
            record.Facts,
            Team(line),
            Person(record.OwnerId, record.OwnerName),
            Person(record.BackupId, record.BackupName),
            Offer(line),
            record.AcknowledgedAt,
            Next(line, clocks),
            Utc(record.NextUpdateDue),
            Sla(record, clocks),
            Breached(line, clocks),
            record.Resolution,
            record.AutoCloseAt,
            record.ClosedAt,
            record.CreatedAt,
            record.UpdatedAt,
            CaseCommands.Available(record.ToState(), caller),
            [.. timeline.Select(entry => new TimelineView(
                entry.At,
                new ActorView(entry.Actor.Kind, entry.Actor.Id, entry.Actor.Name),
                entry.What,
                entry.FromStatus,
                entry.ToStatus,
                entry.Detail,
                entry.Reason))]);
    }

    public static EscalationSummary Summary(EscalationLine line, DateTimeOffset now)
    {
        var clocks = RecordedClocks.AsOf(line.Clocks, now);
        return new(
            line.Id,
            line.Key,
            line.Title,
            line.Status,
            line.Severity,
            line.IssueType,
            new CustomerView(line.CustomerId, line.CustomerName, line.CustomerTier),
            Team(line),
            Person(line.OwnerId, line.OwnerName),
            Offer(line),
            Breached(line, clocks),
            Next(line, clocks),
            Utc(line.NextUpdateDue),
            line.CreatedAt,
            line.UpdatedAt);
    }

    private static TeamView? Team(EscalationLine line) => line.TeamId is null ? null : new(line.TeamId, line.TeamName!);

    private static PersonView? Person(string? id, string? name) => id is null ? null : new(id, name ?? id);

    /// <summary>The pending offer, while there is one.</summary>
    private static OfferView? Offer(EscalationLine line) =>
        line.Status == EscalationStatus.Assigned && line.OfferedToId is not null
            ? new(new PersonView(line.OfferedToId, line.OfferedToName!), line.OfferLevel!.Value, line.RespondBy)
            : null;

    private static SlaView Sla(EscalationRecord record, IReadOnlyList<SlaClock> clocks) => new(
        RecordedClocks.AnyBreached(clocks),
        Utc(record.NextUpdateDue),
        Utc(record.CommitmentAt),
        [.. clocks.Select(clock => new ClockView(clock.Kind, clock.State, clock.StartedAt, clock.DueAt, (long)clock.Target.TotalSeconds, clock.MetAt,
            clock.BreachedAt, clock.Calendar))]);

    /// <summary>Breached once sla said so, or once a clock's due time passed (before sla's announcement arrives).</summary>
    private static bool Breached(EscalationLine line, IReadOnlyList<SlaClock> clocks) => line.Breached || RecordedClocks.AnyBreached(clocks);

    private static NextActionView? Next(EscalationLine line, IReadOnlyList<SlaClock> clocks)
    {
        var next = NextActions.For(new NextActionFacts(
            line.Status,
            line.OwnerName,
            line.OfferedToName,
            Utc(line.RespondBy),
            Utc(line.NextUpdateDue),
            RecordedClocks.ResolutionDue(clocks),
            Utc(line.AutoCloseAt),
            [.. line.MissingFacts.Select(fact => fact.Description)],
            line.UnroutableReason));
        return next is null ? null : new(next.What, next.Who, next.DueAt);
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
