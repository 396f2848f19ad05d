using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>One line of an escalation's timeline: who decided what, the specifics, why, and the status move if any.</summary>
public sealed record TimelineNote(
    Actor Actor, string What, string? Detail = null, string? Reason = null, EscalationStatus? From = null, EscalationStatus? To = null);

public enum RefusalKind
{
    /// <summary>The input does not apply to the escalation as it is (its status, its tenant, an older message).</summary>
    NotApplicable,

    /// <summary>The caller may not do this to this case.</summary>
    Forbidden,

    /// <summary>The input is incomplete or wrong; <see cref="Refusal.Errors"/> names each field.</summary>
    Invalid,
}

/// <summary>Why a decision changes nothing.</summary>
public sealed record Refusal(RefusalKind Kind, string Reason, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>What a decision does with the escalation's timer.</summary>
public abstract record TimerChange;

/// <summary>Sets the auto-close timer, replacing any set before.</summary>
public sealed record ScheduleAutoClose(DateTime At, AutoCloseDue Message) : TimerChange;

/// <summary>Cancels the auto-close timer.</summary>
public sealed record CancelAutoClose : TimerChange;

/// <summary>The auto-close window of a resolved escalation ran out without the customer answering (intake's own
/// timer message).</summary>
public sealed record AutoCloseDue(Guid EscalationId, DateTime ResolvedAt);

/// <summary>What a decision on an escalation comes to: its new state, the timeline entries that say what happened and
/// why, the messages to announce, the timer to set or cancel — or why nothing changes. A status move is made only by
/// <see cref="Move"/>, which asks the lifecycle first.</summary>
public sealed record Decision
{
    /// <summary>The state the decision was made on.</summary>
    public required EscalationState Before { get; init; }

    public required EscalationState State { get; init; }

    /// <summary>When the decision was made: the time of its timeline entries and messages.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The status move, if the decision makes one.</summary>
    public StatusMove? Moved { get; init; }

    public IReadOnlyList<TimelineNote> Timeline { get; init; } = [];

    /// <summary>Messages to publish, in order.</summary>
    public IReadOnlyList<object> Messages { get; init; } = [];

    public TimerChange? Timer { get; init; }

    /// <summary>Set when nothing changes, with the reason.</summary>
    public Refusal? Refusal { get; init; }

    /// <summary>The decision only adds timeline entries and is no change to the record: its UpdatedAt and ETag stay.
    /// A monitor repeats a hot key dozens of times a minute; rewriting the record for each would fight the lifecycle's
    /// own changes to it under optimistic concurrency.</summary>
    public bool NotesOnly { get; init; }

    /// <summary>A decision on <paramref name="state"/> at <paramref name="at"/> that changes nothing yet.</summary>
    public static Decision On(EscalationState state, DateTimeOffset at) => new() { Before = state, State = state, At = at };

    internal Decision With(Func<EscalationState, EscalationState> change) => Refusal is null ? Changing() with { State = change(State) } : this;

    internal Decision Note(Actor actor, string what, string? detail = null, string? reason = null) =>
        Refusal is null ? this with { Timeline = [.. Timeline, new TimelineNote(actor, what, detail, reason)] } : this;

    /// <summary>Moves the status if the lifecycle allows it (otherwise nothing changes), with its timeline entry and
    /// the EscalationStatusChanged that tells the other services. A move another event already announces (the triage
    /// that EscalationTriaged reports, the first offer that routing's EscalationOffered reports) passes
    /// <paramref name="announce"/> false: one event per fact.</summary>
    internal Decision Move(EscalationStatus to, Actor actor, string what, string? detail, string? reason, MoveRule rule = MoveRule.Table,
        bool announce = true)
    {
        if (Refusal is not null)
        {
            return this;
        }

        if (Moved is not null)
        {
            throw new InvalidOperationException("A decision moves the status once.");
        }

        Changing();
        var move = new StatusMove(State.Status, to, rule);
        if (!Lifecycle.Allows(move))
        {
            return Refuse(RefusalKind.NotApplicable, $"the lifecycle does not move an escalation from {move.From} to {move.To}");
        }

        return this with
        {
            State = State with { Status = to },
            Moved = move,
            Timeline = [.. Timeline, new TimelineNote(actor, what, detail, reason, move.From, to)],
            Messages = announce
                ?
                [
                    .. Messages,
                    new EscalationStatusChanged
                    {
                        EscalationId = State.Id, TenantId = State.TenantId, Key = State.Key, From = move.From, To = to, Actor = actor, Reason = reason, At = At,
                    },
                ]
                : Messages,
        };
    }

    /// <summary>Adds a timeline entry that leaves the record as it is (<see cref="NotesOnly"/>); it cannot be combined with a
    /// change to the state, a move, a message or a timer.</summary>
    internal Decision NoteOnly(Actor actor, string what, string? detail = null, string? reason = null)
    {
        if (Refusal is not null)
        {
            return this;
        }

        if (Moved is not null || State != Before || Messages.Count > 0 || Timer is not null)
        {
            throw new InvalidOperationException("A decision that changes the record cannot be notes only.");
        }

        return Note(actor, what, detail, reason) with { NotesOnly = true };
    }

    internal Decision Publish(object message) => Refusal is null ? Changing() with { Messages = [.. Messages, message] } : this;

    internal Decision Set(TimerChange timer) => Refusal is null ? Changing() with { Timer = timer } : this;

    private Decision Changing() =>
        NotesOnly ? throw new InvalidOperationException("A decision that is notes only cannot change the record.") : this;

    internal Decision Refuse(RefusalKind kind, string reason, IReadOnlyDictionary<string, string[]>? errors = null) =>
        On(Before, At) with { Refusal = new Refusal(kind, reason, errors) };

    internal Decision Ignore(string reason) => Refuse(RefusalKind.NotApplicable, reason);
}
