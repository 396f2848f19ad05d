using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Intake.Domain;

namespace Intake.Api.Views;

/// <summary>Builds the API's views of a record, adding the clocks sla reported and the next action they imply.</summary>
public static class EscalationViews
{
    public static string ETag(EscalationRecord record) => $"\"{record.RowVersion}\"";

    public static EscalationView Full(EscalationRecord record, IReadOnlyList<TimelineEntry> timeline, SlaView? sla) => new(
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
        Next(record, sla),
        sla?.NextUpdateDue,
        sla,
        record.Breached || sla?.Breached == true,
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

    public static EscalationSummary Summary(EscalationRecord record, SlaView? sla) => new(
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
        record.Breached || sla?.Breached == true,
        Next(record, sla),
        sla?.NextUpdateDue,
        record.CreatedAt,
        record.UpdatedAt);

    private static TeamView? Team(EscalationRecord record) => record.TeamId is null ? null : new(record.TeamId, record.TeamName!);

    private static PersonView? Person(string? id, string? name) => id is null ? null : new(id, name ?? id);

    /// <summary>The pending offer, while there is one.</summary>
    private static OfferView? Offer(EscalationRecord record) =>
        record.Status == EscalationStatus.Assigned && record.OfferedToId is not null
            ? new(new PersonView(record.OfferedToId, record.OfferedToName!), record.OfferLevel!.Value, record.RespondBy)
            : null;

    private static NextActionView? Next(EscalationRecord record, SlaView? sla)
    {
        var resolutionDue = sla?.Clocks.FirstOrDefault(clock => clock.Kind == "resolution" && clock.State is "running" or "breached")?.DueAt;
        var next = NextActions.For(new NextActionFacts(
            record.Status,
            record.OwnerName,
            record.OfferedToName,
            record.RespondBy is { } respondBy ? new DateTimeOffset(respondBy, TimeSpan.Zero) : null,
            sla?.NextUpdateDue,
            resolutionDue,
            record.AutoCloseAt is { } autoClose ? new DateTimeOffset(autoClose, TimeSpan.Zero) : null,
            [.. record.MissingFacts.Select(fact => fact.Description)]));
        return next is null ? null : new(next.What, next.Who, next.DueAt);
    }
}
