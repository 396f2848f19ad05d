using EscalationPlatform.Contracts;
using Intake.Api.Data;
using MassTransit;

namespace Intake.Api.Records;

/// <summary>The one way a record changes, for API commands and the lifecycle saga alike: every change is a
/// timeline entry, and a status move also tells the other services (EscalationStatusChanged, through the
/// outbox), all saved together by the caller's unit of work.</summary>
public sealed class EscalationChanges(IntakeDbContext db, IPublishEndpoint publish, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public static EscalationStatus StatusOf(EscalationRecord record) => Enum.Parse<EscalationStatus>(record.CurrentState);

    public void Note(EscalationRecord record, Actor actor, string what, string? detail = null, string? reason = null,
        EscalationStatus? from = null, EscalationStatus? to = null)
    {
        var now = Now.UtcDateTime;
        record.UpdatedAt = now;
        db.Timeline.Add(new TimelineEntry
        {
            EscalationId = record.CorrelationId,
            At = now,
            ActorKind = actor.Kind.ToString().ToLowerInvariant(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            What = what,
            Detail = detail,
            Reason = reason,
            FromStatus = from?.ToString(),
            ToStatus = to?.ToString(),
        });
    }

    public async Task MoveAsync(EscalationRecord record, EscalationStatus to, Actor actor, string what, string? detail, string? reason,
        CancellationToken cancellationToken)
    {
        var from = StatusOf(record);
        record.CurrentState = to.ToString();
        Note(record, actor, what, detail, reason, from, to);
        await publish.Publish(new EscalationStatusChanged
        {
            EscalationId = record.CorrelationId,
            TenantId = record.TenantId,
            Key = record.Key,
            From = from,
            To = to,
            Actor = actor,
            Reason = reason,
            At = Now,
        }, cancellationToken);
    }

    public Task PublishAsync<T>(T message, CancellationToken cancellationToken) where T : class => publish.Publish(message, cancellationToken);
}
