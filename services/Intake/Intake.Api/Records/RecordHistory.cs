using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;

namespace Intake.Api.Records;

/// <summary>The record and its timeline as insights reads them, the same whether announced with a change
/// (<see cref="EscalationRecordChanged"/>) or read back from the stored history (escalation.intake.v1.Intake/ListHistory).</summary>
public static class RecordHistory
{
    public static EscalationRecordChanged Changed(EscalationRecord record, IEnumerable<TimelineEntry> entries, DateTimeOffset at) => new()
    {
        EscalationId = record.CorrelationId,
        TenantId = record.TenantId,
        Record = Snapshot(record),
        Entries = entries.Select(Entry).ToList(),
        At = at,
    };

    public static EscalationSnapshot Snapshot(EscalationRecord record) => new()
    {
        Key = record.Key,
        Title = record.Title,
        Status = record.Status,
        Severity = record.Severity,
        IssueType = record.IssueType,
        ProductArea = record.Facts.ProductArea,
        Release = record.Facts.Release,
        CustomerId = record.CustomerId,
        CustomerName = record.CustomerName,
        CustomerTier = record.CustomerTier,
        Team = record.TeamId is null ? null : new TeamRef(record.TeamId, record.TeamName ?? record.TeamId),
        OwnerId = record.OwnerId,
        Source = record.Source,
        SubmittedBy = record.SubmittedById,
        SubmittedAt = Utc(record.CreatedAt),
        FirstSeenAt = record.Facts.Context.FirstSeenAt ?? record.Facts.Context.DetectedAt,
        ActionsTaken = record.Facts.ActionsTaken.Count,
        WorkaroundAvailable = record.Facts.Urgency.WorkaroundAvailable,
        ErrorMessage = record.Facts.Context.ErrorMessages.FirstOrDefault(),
        Clocks = record.Clocks,
        NextUpdateDue = record.NextUpdateDue is { } due ? Utc(due) : null,
        Resolution = record.Resolution is { } resolution ? KebabEnum<Domain.ResolutionKind>.Name(resolution.Kind) : null,
        Breached = record.Breached,
    };

    public static HistoryEntry Entry(TimelineEntry entry) =>
        new(Utc(entry.At), entry.What, entry.Actor.Kind, entry.Actor.Id, entry.FromStatus, entry.ToStatus, entry.TeamId, entry.TeamName);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
