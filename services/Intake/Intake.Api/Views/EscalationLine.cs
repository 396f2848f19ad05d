using System.Linq.Expressions;
using EscalationPlatform.Contracts;
using Intake.Api.Records;

namespace Intake.Api.Views;

/// <summary>What the views read of a record besides its case: who has it, what was promised, and the facts its next
/// action depends on. A page of the queue selects only these columns, not the case facts, description, rules or
/// resolution of twenty rows it does not show.</summary>
public sealed record EscalationLine(
    Guid Id,
    string Key,
    string Title,
    EscalationStatus Status,
    Severity? Severity,
    IssueType IssueType,
    string CustomerId,
    string CustomerName,
    CustomerTier CustomerTier,
    string? TeamId,
    string? TeamName,
    string? OwnerId,
    string? OwnerName,
    string? OfferedToId,
    string? OfferedToName,
    OfferLevel? OfferLevel,
    DateTime? RespondBy,
    bool Breached,
    DateTime? NextUpdateDue,
    DateTime? AutoCloseAt,
    IReadOnlyList<MissingFact> MissingFacts,
    string? UnroutableReason,
    IReadOnlyList<SlaClock> Clocks,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The projection a query selects.</summary>
    public static readonly Expression<Func<EscalationRecord, EscalationLine>> Select = row => new EscalationLine(
        row.CorrelationId, row.Key, row.Title, row.Status, row.Severity, row.IssueType, row.CustomerId, row.CustomerName, row.CustomerTier,
        row.TeamId, row.TeamName, row.OwnerId, row.OwnerName, row.OfferedToId, row.OfferedToName, row.OfferLevel, row.RespondBy,
        row.Breached, row.NextUpdateDue, row.AutoCloseAt, row.MissingFacts, row.UnroutableReason, row.Clocks, row.CreatedAt, row.UpdatedAt);

    private static readonly Func<EscalationRecord, EscalationLine> FromRecord = Select.Compile();

    public static EscalationLine Of(EscalationRecord record) => FromRecord(record);
}
