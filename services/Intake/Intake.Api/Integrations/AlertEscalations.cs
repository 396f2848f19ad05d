using EscalationPlatform.Data;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Lifecycle;
using Intake.Api.Records;
using Intake.Api.Submission;
using Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Api.Integrations;

/// <summary>What an alert event did: the escalation it opened or touched (none when there was nothing to act on).</summary>
public sealed record AlertOutcome(Guid? EscalationId, string? Key, bool Opened);

/// <summary>Escalations raised by monitoring sources (PagerDuty events, Alertmanager groups), keyed by the source's
/// deduplication key, with PagerDuty's semantics (<see cref="SourceEvents"/>): a trigger opens an escalation, or adds
/// to the open one with the same key; acknowledge and resolve act on the open one (and on nothing if there is none);
/// after a resolve the key is free, so the next trigger opens a new escalation. Events with one key take turns: each
/// runs in a transaction that first takes an advisory lock on the key, so a burst of first triggers opens one
/// escalation without failures, on any number of replicas. The unique index (one open escalation per source and key)
/// stays as the safety net, and a write that meets it or the lifecycle saga's change to the record is decided again.
/// A repeated trigger only adds to the timeline (<see cref="SourceEvents.Repeated"/>): it does not rewrite the record.</summary>
public sealed class AlertEscalations(
    IntakeDbContext db, SubmissionService submissions, EscalationChanges changes, IOptions<LifecycleOptions> lifecycle)
{
    private const int Attempts = 4;

    public Task<(AlertOutcome? Outcome, ValidationErrors Errors)> TriggerAsync(
        PlatformIdentity caller, string source, string dedupKey, SubmitRequest request, string repeated, CancellationToken cancellationToken) =>
        SaveRetry.On(db, Attempts, error => error is DbUpdateConcurrencyException || error.IsUniqueViolation("DedupKey"))
            .ExecuteAsync<(AlertOutcome?, ValidationErrors)>(attempt => OneAtATimeAsync(caller, source, dedupKey, async () =>
            {
                if (await OpenAsync(caller, source, dedupKey, attempt) is { } open)
                {
                    await changes.ApplyAsync(open, SourceEvents.Repeated(open.ToState(), caller.Actor, source, repeated, changes.Now), attempt);
                    await db.SaveChangesAsync(attempt);
                    return (new AlertOutcome(open.CorrelationId, open.Key, Opened: false), new ValidationErrors());
                }

                var (submitted, errors) = await submissions.SubmitAsync(caller, request, new SubmissionOrigin(source, DedupKey: dedupKey), attempt);
                return (submitted is null ? null : new AlertOutcome(submitted.Id, submitted.Key, Opened: true), errors);
            }, attempt), cancellationToken).AsTask();

    public Task<AlertOutcome> AcknowledgeAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        OnOpenAsync(caller, source, dedupKey, (state, now) => SourceEvents.Acknowledged(state, caller.Actor, source, now), cancellationToken);

    public Task<AlertOutcome> ResolveAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        OnOpenAsync(caller, source, dedupKey, (state, now) => SourceEvents.Cleared(state, caller.Actor, source, now, lifecycle.Value.AutoCloseAfter),
            cancellationToken);

    private Task<AlertOutcome> OnOpenAsync(PlatformIdentity caller, string source, string dedupKey, Func<EscalationState, DateTimeOffset, Decision> decide,
        CancellationToken cancellationToken) =>
        SaveRetry.On(db, Attempts, error => error is DbUpdateConcurrencyException)
            .ExecuteAsync(attempt => OneAtATimeAsync(caller, source, dedupKey, async () =>
            {
                if (await OpenAsync(caller, source, dedupKey, attempt) is not { } open)
                {
                    return new AlertOutcome(null, null, Opened: false);
                }

                await changes.ApplyAsync(open, decide(open.ToState(), changes.Now), attempt);
                await db.SaveChangesAsync(attempt);
                return new AlertOutcome(open.CorrelationId, open.Key, Opened: false);
            }, attempt), cancellationToken).AsTask();

    /// <summary>Runs <paramref name="work"/> in a transaction holding the advisory lock of the credential's key (released at
    /// commit or rollback). BEGIN is sent with the lock's statement, so taking it costs one round trip.</summary>
    private async ValueTask<T> OneAtATimeAsync<T>(PlatformIdentity caller, string source, string dedupKey, Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockName = $"intake:dedup-key|{caller.TenantId}|{source}|{caller.Actor.Id}|{dedupKey}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({lockName}, 0))", cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The open escalation this credential raised under the key: another integration's keys are its own.</summary>
    private Task<EscalationRecord?> OpenAsync(PlatformIdentity caller, string source, string dedupKey, CancellationToken cancellationToken) =>
        db.Escalations.FirstOrDefaultAsync(row => row.TenantId == caller.TenantId && row.Source == source && row.SubmittedById == caller.Actor.Id
            && row.DedupKey == dedupKey && !Domain.Lifecycle.Finished.Contains(row.Status), cancellationToken);
}
