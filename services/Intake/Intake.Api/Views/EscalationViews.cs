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
        EscalationChanges.StatusOf(record),
        record.Source,
        record.ExternalReference,
        record.Title,
        record.Description,
        (Severity?)record.Severity,
        StoredJson.Read<List<FiredRule>>(record.Rules),
        record.HandoffIncomplete,
        StoredJson.Read<List<MissingFact>>(record.MissingFacts),
        StoredJson.Read<CaseFacts>(record.Facts),
        Team(record),
        Person(record.OwnerId, record.OwnerName),
        Person(record.BackupId, record.BackupName),
        Offer(record),
        record.AcknowledgedAt,
        Next(record, sla),
        sla?.NextUpdateDue,
        sla,
        record.Breached || sla?.Breached == true,
        record.Resolution is null ? null : StoredJson.Read<ResolutionDetails>(record.Resolution),
        record.AutoCloseAt,
        record.ClosedAt,
        record.CreatedAt,
        record.UpdatedAt,
        [.. timeline.Select(entry => new TimelineView(
            entry.At,
            new ActorView(entry.ActorKind, entry.ActorId, entry.ActorName),
            entry.What,
            entry.FromStatus is null ? null : Enum.Parse<EscalationStatus>(entry.FromStatus),
            entry.ToStatus is null ? null : Enum.Parse<EscalationStatus>(entry.ToStatus),
            entry.Detail,
            entry.Reason))]);

    public static EscalationSummary Summary(EscalationRecord record, SlaView? sla) => new(
        record.CorrelationId,
        record.Key,
        record.Title,
        EscalationChanges.StatusOf(record),
        (Severity?)record.Severity,
        StoredJson.Read<IssueType>($"\"{record.IssueType}\""),
        new CustomerView(record.CustomerId, record.CustomerName, StoredJson.Read<CustomerTier>($"\"{record.CustomerTier}\"")),
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
        record.CurrentState == nameof(EscalationStatus.Assigned) && record.OfferedToId is not null
            ? new(new PersonView(record.OfferedToId, record.OfferedToName!), record.OfferLevel!, record.RespondBy)
            : null;

    private static NextActionView? Next(EscalationRecord record, SlaView? sla)
    {
        var resolutionDue = sla?.Clocks.FirstOrDefault(clock => clock.Kind == "resolution" && clock.State is "running" or "breached")?.DueAt;
        var next = NextActions.For(new NextActionFacts(
            EscalationChanges.StatusOf(record),
            record.OwnerName,
            record.OfferedToName,
            record.RespondBy is { } respondBy ? new DateTimeOffset(respondBy, TimeSpan.Zero) : null,
            sla?.NextUpdateDue,
            resolutionDue,
            record.AutoCloseAt is { } autoClose ? new DateTimeOffset(autoClose, TimeSpan.Zero) : null,
            [.. StoredJson.Read<List<MissingFact>>(record.MissingFacts).Select(fact => fact.Description)]));
        return next is null ? null : new(next.What, next.Who, next.DueAt);
    }
}
