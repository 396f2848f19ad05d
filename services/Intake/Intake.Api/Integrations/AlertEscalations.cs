using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Lifecycle;
using Intake.Api.Records;
using Intake.Api.Submission;
using Intake.Domain;
using EscalationPlatform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Integrations;

/// <summary>What an alert event did: the escalation it opened or touched (none when there was nothing to act on).</summary>
public sealed record AlertOutcome(Guid? EscalationId, string? Key, bool Opened);

/// <summary>Escalations raised by monitoring sources (PagerDuty events, Alertmanager groups), keyed by the source's
/// deduplication key, with PagerDuty's semantics: a trigger opens an escalation, or adds to the open one with the
/// same key; acknowledge and resolve act on the open one (and on nothing if there is none); after a resolve the
/// key is free, so the next trigger opens a new escalation. Concurrent events with one key meet on the database's
/// unique index (one open escalation per source and key) and are decided again.</summary>
public sealed class AlertEscalations(IntakeDbContext db, SubmissionService submissions, EscalationChanges changes, Resolutions resolutions)
{
    private const int Attempts = 4;

    public async Task<(AlertOutcome? Outcome, ValidationErrors Errors)> TriggerAsync(
        PlatformIdentity caller, string source, string dedupKey, SubmitRequest request, string repeated, CancellationToken cancellationToken)
    {
        var actor = caller.Actor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await OpenAsync(caller, source, dedupKey, cancellationToken) is { } open)
                {
                    changes.Note(open, actor, "alert-repeated", repeated, $"{source} sent the same deduplication key again");
                    await db.SaveChangesAsync(cancellationToken);
                    return (new AlertOutcome(open.CorrelationId, open.Key, Opened: false), new ValidationErrors());
                }

                var (submitted, errors) = await submissions.SubmitAsync(caller, request, new SubmissionOrigin(source, DedupKey: dedupKey), cancellationToken);
                return (submitted is null ? null : new AlertOutcome(submitted.Id, submitted.Key, Opened: true), errors);
            }
            catch (DbUpdateException error) when (attempt < Attempts
                && (error is DbUpdateConcurrencyException || SubmissionService.IsUniqueViolation(error, "DedupKey")))
            {
                db.ChangeTracker.Clear(); // another event with this key (or the lifecycle) got there first: decide again
            }
        }
    }

    /// <summary>An escalation offered to someone is acknowledged on their behalf (the alert's responder took it);
    /// otherwise the acknowledgement is recorded.</summary>
    public Task<AlertOutcome> AcknowledgeAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        OnOpenAsync(caller, source, dedupKey, async record =>
        {
            if (EscalationChanges.StatusOf(record) == EscalationStatus.Assigned && record.OfferedToId is not null)
            {
                record.OwnerId = record.OfferedToId;
                record.OwnerName = record.OfferedToName;
                record.AcknowledgedAt = changes.Now.UtcDateTime;
                await changes.MoveAsync(record, EscalationStatus.Acknowledged, caller.Actor, "acknowledged-at-source",
                    $"{record.OwnerName} owns it now", $"acknowledged in {source}", cancellationToken);
            }
            else
            {
                changes.Note(record, caller.Actor, "acknowledged-at-source", null, $"acknowledged in {source}");
            }
        }, cancellationToken);

    /// <summary>The alert cleared: resolved, unless its severity needs a root cause (S1, S2), which only the owner can
    /// give; then the clearing is noted and the owner resolves with the root cause.</summary>
    public Task<AlertOutcome> ResolveAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        OnOpenAsync(caller, source, dedupKey, record =>
        {
            if (!Domain.Lifecycle.CanResolveAtSource(EscalationChanges.StatusOf(record)))
            {
                return Task.CompletedTask;
            }

            if (!ResolutionRules.SourceMayResolve((Severity?)record.Severity))
            {
                changes.Note(record, caller.Actor, "cleared-at-source", $"The alert cleared in {source}",
                    $"{(Severity?)record.Severity} needs its root cause: the owner resolves it with one");
                return Task.CompletedTask;
            }

            return resolutions.ResolveAsync(record, ResolutionKind.Fix, $"The alert cleared in {source}", rootCause: null, caller.Actor, "resolved-at-source",
                cancellationToken);
        }, cancellationToken);

    private async Task<AlertOutcome> OnOpenAsync(PlatformIdentity caller, string source, string dedupKey, Func<EscalationRecord, Task> act,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var open = await OpenAsync(caller, source, dedupKey, cancellationToken);
            if (open is null)
            {
                return new AlertOutcome(null, null, Opened: false);
            }

            await act(open);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new AlertOutcome(open.CorrelationId, open.Key, Opened: false);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The open escalation this credential raised under the key: another integration's keys are its own.</summary>
    private Task<EscalationRecord?> OpenAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        db.Escalations.FirstOrDefaultAsync(row => row.TenantId == caller.TenantId && row.Source == source && row.SubmittedById == caller.Actor.Id
            && row.DedupKey == dedupKey
            && row.CurrentState != nameof(EscalationStatus.Resolved) && row.CurrentState != nameof(EscalationStatus.Closed)
            && row.CurrentState != nameof(EscalationStatus.Cancelled) && row.CurrentState != nameof(EscalationStatus.Deflected), cancellationToken);
}
