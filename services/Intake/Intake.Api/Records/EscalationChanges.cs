using Intake.Api.Webhooks;
using Intake.Domain;
using MassTransit;

namespace Intake.Api.Records;

/// <summary>The one way a record changes, for API commands, integrations and the lifecycle saga alike: it applies a
/// <see cref="Decision"/> of <c>Intake.Domain</c> — the new state, its timeline entries, its auto-close timer and its
/// messages, with the record's change for insights (<see cref="RecordHistory"/>) (through the outbox, and to notification's webhook relay when a subscriber wants one) — all saved
/// together by the caller's unit of work. A decision that is notes only (<see cref="Decision.NotesOnly"/>) inserts its
/// timeline entries and leaves the record's row alone. It decides nothing, and refuses a status change that is not the decision's move or that the lifecycle does not allow.</summary>
public sealed class EscalationChanges(IPublishEndpoint publish, IMessageScheduler scheduler, WebhookRelayer webhooks, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Applies what <paramref name="decision"/> changes; a refused decision changes nothing.</summary>
    public async Task ApplyAsync(EscalationRecord record, Decision decision, CancellationToken cancellationToken)
    {
        if (decision.Refusal is not null)
        {
            return;
        }

        if (!decision.NotesOnly)
        {
            Gate(record, decision);
            record.Apply(decision.State);
        }

        var at = decision.At.UtcDateTime;
        foreach (var note in decision.Timeline)
        {
            if (!decision.NotesOnly)
            {
                record.UpdatedAt = at;
            }

            record.Timeline.Add(new TimelineEntry
            {
                EscalationId = record.CorrelationId,
                At = at,
                Actor = note.Actor,
                What = note.What,
                Detail = note.Detail,
                Reason = note.Reason,
                FromStatus = note.From,
                ToStatus = note.To,
                TeamId = record.TeamId,
                TeamName = record.TeamName,
            });
        }

        if (decision.Timeline.Count > 0 || !decision.NotesOnly)
        {
            await publish.Publish(RecordHistory.Changed(record, record.Timeline.TakeLast(decision.Timeline.Count), decision.At), cancellationToken);
        }

        await SetTimerAsync(record, decision.Timer, cancellationToken);
        foreach (var message in decision.Messages)
        {
            await publish.Publish(message, message.GetType(), cancellationToken);
            await webhooks.RelayAsync(message, cancellationToken);
        }
    }

    /// <summary>A status changes only by the decision's move, from the record's status, as the lifecycle allows.</summary>
    private static void Gate(EscalationRecord record, Decision decision)
    {
        if (decision.State.Status == record.Status && decision.Moved is null)
        {
            return;
        }

        if (decision.Moved is not { } move || move.From != record.Status || move.To != decision.State.Status || !Domain.Lifecycle.Allows(move))
        {
            throw new InvalidOperationException(
                $"Escalation {record.Key} cannot move from {record.Status} to {decision.State.Status} ({decision.Moved}): the lifecycle does not allow it.");
        }
    }

    /// <summary>Sets or cancels the auto-close timer; the record keeps the scheduler's token while one is set.</summary>
    private async Task SetTimerAsync(EscalationRecord record, TimerChange? timer, CancellationToken cancellationToken)
    {
        if (timer is not null && record.AutoCloseTokenId is { } token)
        {
            await scheduler.CancelScheduledPublish<AutoCloseDue>(token, cancellationToken);
        }

        if (timer is ScheduleAutoClose schedule)
        {
            record.AutoCloseTokenId = (await scheduler.SchedulePublish(schedule.At, schedule.Message, cancellationToken)).TokenId;
        }
        else if (timer is CancelAutoClose || record.AutoCloseAt is null)
        {
            record.AutoCloseTokenId = null;
        }
    }
}
