using System.Globalization;
using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Microsoft.Extensions.Options;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Api.Lifecycle;

/// <summary>What the lifecycle saga does with each event, by status. Every decision lands in the timeline with the
/// service that made it and its reason.</summary>
public sealed class LifecycleSteps(EscalationChanges changes, IOptions<LifecycleOptions> options)
{
    private static readonly Actor Triage = Actor.Service("triage");
    private static readonly Actor Routing = Actor.Service("routing");
    private static readonly Actor Sla = Actor.Service("sla");
    private static readonly Actor Intake = Actor.Service("intake");

    public async Task AssessedAsync(EscalationRecord record, EscalationAssessed assessed, CancellationToken cancellationToken)
    {
        var status = EscalationChanges.StatusOf(record);
        if (record.TenantId != assessed.TenantId || !Domain.Lifecycle.IsOpen(status))
        {
            return; // another tenant's id (never acted on), or facts added just before it was resolved or cancelled
        }

        var previous = record.Severity;
        record.Severity = (int)assessed.Severity;
        record.Rules = StoredJson.Write(assessed.Rules);
        record.MissingFacts = StoredJson.Write(assessed.MissingFacts);
        record.HandoffIncomplete = assessed.HandoffIncomplete;
        record.MatrixVersion = assessed.MatrixVersion;

        var decided = $"{assessed.Severity} by matrix v{assessed.MatrixVersion}";
        var why = Rules(assessed.Rules);
        var missing = Missing(assessed.MissingFacts);
        if (status is Submitted or NeedsInformation && assessed.Outcome == AssessmentOutcome.Triaged)
        {
            await changes.MoveAsync(record, Triaged, Triage, "triaged", decided, why, cancellationToken);
            if (assessed.HandoffIncomplete)
            {
                changes.Note(record, Triage, "handoff-incomplete", $"Missing: {missing}", "S1 is routed at once; the owner gathers what is missing");
            }

            await changes.PublishAsync(new EscalationTriaged
            {
                EscalationId = record.CorrelationId,
                TenantId = record.TenantId,
                Key = record.Key,
                Title = record.Title,
                Severity = assessed.Severity,
                Facts = StoredJson.Read<CaseFacts>(record.Facts),
                HandoffIncomplete = assessed.HandoffIncomplete,
                TriagedAt = changes.Now,
            }, cancellationToken);
        }
        else if (status == Submitted)
        {
            await changes.MoveAsync(record, NeedsInformation, Triage, "needs-information", $"Missing: {missing}",
                $"the {record.IssueType} checklist requires these facts before the case can be owned ({decided})", cancellationToken);
        }
        else if (status == NeedsInformation)
        {
            changes.Note(record, Triage, "still-needs-information", $"Missing: {missing}", why);
        }
        else if (previous != record.Severity)
        {
            changes.Note(record, Triage, "severity-changed", $"S{previous} -> {decided}", why);
        }
        else
        {
            changes.Note(record, Triage, "reassessed", decided, why);
        }
    }

    public async Task OfferedAsync(EscalationRecord record, EscalationOffered offer, CancellationToken cancellationToken)
    {
        var status = EscalationChanges.StatusOf(record);
        if (record.TenantId != offer.TenantId || status is not (Triaged or Assigned))
        {
            return; // the offer moved on just as it was acknowledged (or the case ended): the acceptance stands
        }

        if (record.OfferLevel is { } current && offer.Level < Enum.Parse<OfferLevel>(current.Replace("-", ""), ignoreCase: true))
        {
            return; // an earlier offer arriving after the one that replaced it
        }

        record.TeamId = offer.Team.Id;
        record.TeamName = offer.Team.Name;
        record.BackupId ??= offer.Backup.Id;
        record.TeamLeadId = offer.TeamLead?.Id;
        record.BackupName ??= offer.Backup.Name;
        record.OfferedToId = offer.OfferedTo.Id;
        record.OfferedToName = offer.OfferedTo.Name;
        record.OfferLevel = Kebab(offer.Level);
        record.RespondBy = offer.RespondBy.UtcDateTime;
        var detail = $"Offered to {offer.OfferedTo.Name} ({Kebab(offer.Level)}) on {offer.Team.Name}; acknowledge by {Utc(offer.RespondBy)}";
        if (status == Triaged)
        {
            // The first offer names the owner: until someone else accepts a handoff, the owner stays the owner.
            record.OwnerId = offer.Owner.Id;
            record.OwnerName = offer.Owner.Name;
            await changes.MoveAsync(record, Assigned, Routing, "offered", $"{detail}; backup {offer.Backup.Name}", offer.Reason, cancellationToken);
        }
        else
        {
            changes.Note(record, Routing, "offer-moved", $"{detail}; previously offered to {offer.PreviouslyOfferedTo?.Name}", offer.Reason);
        }
    }

    public void ThresholdReached(EscalationRecord record, SlaThresholdReached reached)
    {
        if (record.TenantId != reached.TenantId)
        {
            return; // another tenant's id: never acted on
        }

        var breach = reached.Threshold == ThresholdKind.Breach;
        record.Breached |= breach;
        var late = reached.AnnouncedLateBy is { } lateBy ? $"; announced {lateBy.TotalSeconds:0} s late" : "";
        changes.Note(record, Sla, breach ? "sla-breached" : "sla-warning",
            $"{Kebab(reached.Clock)}: {reached.PercentElapsed}% of the target elapsed, due {Utc(reached.DueAt)}{late}",
            breach ? "the target time passed" : $"the {reached.PercentElapsed}% warning threshold of the {reached.Severity} policy");
    }

    /// <summary>The customer's "next update by" time, kept on the record; the first commitment marks the moment the
    /// escalation went on the clock.</summary>
    public void CommitmentUpdated(EscalationRecord record, CustomerCommitmentUpdated commitment)
    {
        if (record.TenantId != commitment.TenantId || commitment.At.UtcDateTime < record.CommitmentAt)
        {
            return; // another tenant's id, never acted on; or an older promise than the one shown
        }

        record.NextUpdateDue = commitment.NextUpdateDue?.UtcDateTime;
        record.CommitmentAt = commitment.At.UtcDateTime;
        if (record.ClocksStartedAt is null)
        {
            record.ClocksStartedAt = changes.Now.UtcDateTime;
            var update = commitment.NextUpdateDue is { } next ? $"next customer update by {Utc(next)}" : "no update cadence";
            var resolution = commitment.ResolutionDue is { } due ? $"; resolution due {Utc(due)}" : "";
            changes.Note(record, Sla, "clocks-started", $"{update}{resolution}", "the SLA policy of this severity and customer tier");
        }
    }

    public async Task AutoCloseAsync(EscalationRecord record, AutoCloseDue due, CancellationToken cancellationToken)
    {
        if (EscalationChanges.StatusOf(record) != Resolved || record.ResolvedAt != due.ResolvedAt)
        {
            return; // confirmed, reopened, or resolved again since this timer was set
        }

        record.ClosedAt = changes.Now.UtcDateTime;
        record.AutoCloseTokenId = null;
        record.AutoCloseAt = null;
        await changes.MoveAsync(record, Closed, Intake, "auto-closed", null,
            $"no answer from the customer within {options.Value.AutoCloseAfter} of the resolution", cancellationToken);
    }

    private static string Rules(IReadOnlyList<FiredRule> rules) =>
        rules.Count == 0 ? "no rule fired: the default severity" : string.Join("; ", rules.Select(rule => $"{rule.Id} ({rule.Severity}): {rule.Description}"));

    private static string Missing(IReadOnlyList<MissingFact> facts) => string.Join(", ", facts.Select(fact => fact.Description));

    private static string Kebab<T>(T value) where T : struct, Enum => EscalationPlatform.Web.Validation.KebabEnum<T>.Name(value);

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
