using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>A command on one escalation, with what the caller gave.</summary>
public abstract record CaseCommand(Command Kind)
{
    public sealed record Acknowledge(string? Note = null) : CaseCommand(Command.Acknowledge);

    public sealed record AddContext(FactsAdded Facts, string? Note = null) : CaseCommand(Command.AddContext);

    public sealed record RecordAction(string Description) : CaseCommand(Command.RecordAction);

    public sealed record PostCustomerUpdate(string Message) : CaseCommand(Command.PostCustomerUpdate);

    public sealed record WaitOnCustomer(string Reason) : CaseCommand(Command.WaitOnCustomer);

    public sealed record Resume(string? Note = null) : CaseCommand(Command.Resume);

    public sealed record Resolve(ResolutionKind? ResolutionKind, string? Summary, string? RootCause) : CaseCommand(Command.Resolve);

    public sealed record ConfirmClosure(string? Note = null) : CaseCommand(Command.ConfirmClosure);

    public sealed record Reopen(string Reason) : CaseCommand(Command.Reopen);

    public sealed record Cancel(string Reason) : CaseCommand(Command.Cancel);

    /// <summary>Raise or lower the severity (<see cref="SeverityChanges"/>); the reason is required.</summary>
    public sealed record ChangeSeverity(Severity? Severity, string Reason) : CaseCommand(Command.ChangeSeverity);

    /// <summary>The workaround a deflection gave back does not help: route the case; the reason is required.</summary>
    public sealed record Contest(string Reason) : CaseCommand(Command.Contest);
}

/// <summary>What each command does to an escalation: first who may run it (<see cref="CaseAccess"/>), then whether
/// the status allows it (<see cref="CommandRules"/>), then its changes, timeline entry and messages.</summary>
public static class CaseCommands
{
    /// <summary>The commands the caller may run on the case now: allowed to them (<see cref="CaseAccess"/>) and by its
    /// status (<see cref="CommandRules"/>). The portal shows these as buttons; running one still decides again.</summary>
    public static IReadOnlyList<Command> Available(EscalationState state, Caller caller) =>
        [.. Enum.GetValues<Command>().Where(command =>
            CaseAccess.Refusal(command, state.Parties, caller) is null && CommandRules.Decide(command, state.Status).Allowed)];

    public static Decision Decide(EscalationState state, CaseCommand command, Caller caller, DateTimeOffset now, TimeSpan autoCloseAfter)
    {
        var decision = Decision.On(state, now);
        if (CaseAccess.Refusal(command.Kind, state.Parties, caller) is { } forbidden)
        {
            return decision.Refuse(RefusalKind.Forbidden, forbidden);
        }

        var rule = CommandRules.Decide(command.Kind, state.Status);
        if (!rule.Allowed)
        {
            return decision.Refuse(RefusalKind.NotApplicable, rule.Refusal!);
        }

        var actor = caller.Actor;
        return command switch
        {
            CaseCommand.Acknowledge acknowledge => Acknowledge(decision, actor, acknowledge.Note),
            CaseCommand.AddContext context => AddContext(decision, actor, context),
            CaseCommand.RecordAction action => NoteOrStartWork(decision, rule, actor, "action-recorded", action.Description),
            CaseCommand.PostCustomerUpdate update => NoteOrStartWork(decision, rule, actor, "customer-update-posted", update.Message)
                .Publish(new CustomerUpdatePosted
                {
                    EscalationId = state.Id, TenantId = state.TenantId, Key = state.Key, Message = update.Message, Actor = actor, At = now,
                }),
            CaseCommand.WaitOnCustomer wait => decision.Move(WaitingOnCustomer, actor, "waiting-on-customer", "The resolution clock is paused", wait.Reason),
            CaseCommand.Resume resume => decision.Move(InProgress, actor, "resumed", "The resolution clock runs again", resume.Note),
            CaseCommand.Resolve resolve => Resolve(decision, actor, resolve, autoCloseAfter),
            CaseCommand.ConfirmClosure confirm => WithoutAutoClose(decision)
                .With(current => current with { ClosedAt = now.UtcDateTime })
                .Move(Closed, actor, "closure-confirmed", "The customer confirmed the resolution", confirm.Note),
            CaseCommand.Reopen reopen => WithoutAutoClose(decision)
                .With(current => current with { ClosedAt = null })
                .Move(Reopened, actor, "reopened", $"{state.Owner?.Name} owns it again", reopen.Reason),
            CaseCommand.Cancel cancel => WithoutAutoClose(decision).Move(Cancelled, actor, "cancelled", null, cancel.Reason),
            CaseCommand.ChangeSeverity change => SeverityChanges.ByPerson(decision, actor, change.Severity, change.Reason),
            CaseCommand.Contest contest => Deflections.Contested(decision, actor, contest.Reason),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }

    /// <summary>The offered person takes ownership; if someone else owned it, the handoff is named.</summary>
    private static Decision Acknowledge(Decision decision, Actor actor, string? note)
    {
        var state = decision.State;
        var owner = new Person(actor.Id, state.OfferedTo!.Name);
        var handoff = state.Owner is { } previous && previous.Id != actor.Id ? $" (handed over from {previous.Name})" : "";
        return decision
            .With(current => current with { Owner = owner, AcknowledgedAt = decision.At.UtcDateTime })
            .Move(Acknowledged, actor, "acknowledged", $"{owner.Name} owns it now{handoff}", note);
    }

    /// <summary>Facts added to the case (<see cref="CaseFactsMerge"/>): triage assesses it again.</summary>
    private static Decision AddContext(Decision decision, Actor actor, CaseCommand.AddContext context)
    {
        var state = decision.State;
        var facts = CaseFactsMerge.Merge(state.Facts, context.Facts);
        return decision
            .With(current => current with { Facts = facts })
            .Note(actor, "context-added", $"Added {string.Join(", ", context.Facts.Parts)}", context.Note)
            .Publish(new EscalationFactsUpdated { EscalationId = state.Id, TenantId = state.TenantId, Facts = facts });
    }

    /// <summary>Work recorded on an acknowledged or reopened case also puts it in progress: one timeline entry either way.</summary>
    private static Decision NoteOrStartWork(Decision decision, CommandDecision rule, Actor actor, string what, string detail) =>
        rule.MovesTo is { } to ? decision.Move(to, actor, what, detail, "work started") : decision.Note(actor, what, detail);

    /// <summary>A fix or workaround with its summary; S1 and S2 need their root cause (<see cref="ResolutionRules.Validate"/>).</summary>
    private static Decision Resolve(Decision decision, Actor actor, CaseCommand.Resolve resolve, TimeSpan autoCloseAfter)
    {
        var errors = ResolutionRules.Validate(decision.State.Severity, resolve.ResolutionKind, resolve.Summary, resolve.RootCause);
        return errors.Count > 0
            ? decision.Refuse(RefusalKind.Invalid, "The resolution is not complete.", errors)
            : ResolutionRules.Resolve(decision, resolve.ResolutionKind!.Value, resolve.Summary!, resolve.RootCause, actor, "resolved", autoCloseAfter);
    }

    /// <summary>Confirming, reopening or cancelling ends the auto-close window, if one is open.</summary>
    private static Decision WithoutAutoClose(Decision decision) =>
        decision.State.AutoCloseAt is null
            ? decision
            : decision.With(current => current with { AutoCloseAt = null }).Set(new CancelAutoClose());
}
