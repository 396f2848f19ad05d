using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Intake.Domain;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Intake.Api.Lifecycle;

/// <summary>Resolving an escalation — by its owner, or by the monitoring source that raised it — and the
/// auto-close timer that follows: it closes by itself unless confirmed or reopened within the window.</summary>
public sealed class Resolutions(EscalationChanges changes, IMessageScheduler scheduler, IOptions<LifecycleOptions> lifecycle)
{
    public async Task ResolveAsync(EscalationRecord record, ResolutionKind kind, string summary, string? rootCause, Actor actor, string what,
        CancellationToken cancellationToken)
    {
        var resolvedAt = Milliseconds(changes.Now.UtcDateTime);
        record.Resolution = StoredJson.Write(new ResolutionDetails(kind, summary, rootCause, resolvedAt, actor.Name));
        record.ResolvedAt = resolvedAt;
        await CancelAutoCloseAsync(record, cancellationToken);
        var autoCloseAt = resolvedAt + lifecycle.Value.AutoCloseAfter;
        var timer = await scheduler.SchedulePublish(autoCloseAt, new AutoCloseDue(record.CorrelationId, resolvedAt), cancellationToken);
        record.AutoCloseAt = autoCloseAt;
        record.AutoCloseTokenId = timer.TokenId;
        await changes.MoveAsync(record, EscalationStatus.Resolved, actor, what, $"{EscalationPlatform.Web.Validation.KebabEnum<ResolutionKind>.Name(kind)}: {summary}",
            rootCause is null ? null : $"root cause: {rootCause}", cancellationToken);
    }

    public async Task CancelAutoCloseAsync(EscalationRecord record, CancellationToken cancellationToken)
    {
        if (record.AutoCloseTokenId is { } token)
        {
            await scheduler.CancelScheduledPublish<AutoCloseDue>(token, cancellationToken);
        }

        record.AutoCloseTokenId = null;
        record.AutoCloseAt = null;
    }

    /// <summary>PostgreSQL keeps microseconds; the auto-close timer compares this time after a round trip.</summary>
    private static DateTime Milliseconds(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
