using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>What people (and partner systems) do to an escalation through the API.</summary>
public enum Command
{
    Acknowledge,
    AddContext,
    RecordAction,
    PostCustomerUpdate,
    WaitOnCustomer,
    Resume,
    Resolve,
    ConfirmClosure,
    Reopen,
    Cancel,
    ChangeSeverity,

    /// <summary>The frontline disagrees with a deflection: the case is routed to an expert team after all.</summary>
    Contest,
}

/// <summary>A command's effect in a status: allowed (and the status it leads to, null when it stays) or refused.</summary>
public sealed record CommandDecision(bool Allowed, EscalationStatus? MovesTo, string? Refusal)
{
    public static CommandDecision Stay { get; } = new(true, null, null);

    public static CommandDecision MoveTo(EscalationStatus status) => new(true, status, null);

    public static CommandDecision Refuse(string reason) => new(false, null, reason);
}

public static class CommandRules
{
    /// <summary>Work on an acknowledged (or reopened) escalation puts it in progress; elsewhere it changes nothing.</summary>
    private static CommandDecision StartsWork(EscalationStatus status) =>
        status is Acknowledged or Reopened ? CommandDecision.MoveTo(InProgress) : CommandDecision.Stay;

    public static CommandDecision Decide(Command command, EscalationStatus status) => command switch
    {
        Command.Acknowledge => Move(status, Acknowledged, "only an escalation offered to someone (assigned) can be acknowledged"),
        Command.AddContext => Lifecycle.IsOpen(status)
            ? CommandDecision.Stay
            : CommandDecision.Refuse("context can only be added to an open escalation"),
        Command.RecordAction or Command.PostCustomerUpdate => status is Acknowledged or InProgress or WaitingOnCustomer or Reopened
            ? StartsWork(status)
            : CommandDecision.Refuse("only the owner's work counts: acknowledge the escalation first"),
        Command.WaitOnCustomer => Move(status, WaitingOnCustomer, "only an escalation in progress can wait on the customer"),
        Command.Resume => Move(status, InProgress, "only an escalation waiting on the customer can resume", requiredFrom: WaitingOnCustomer),
        Command.Resolve => Move(status, Resolved, "only an escalation in progress can be resolved"),
        Command.ConfirmClosure => Move(status, Closed, "only a resolved escalation can be closed"),
        Command.Reopen => Move(status, Reopened, "only a resolved or closed escalation can be reopened"),
        Command.Cancel => Move(status, Cancelled, "only an open escalation can be cancelled"),
        Command.ChangeSeverity => Lifecycle.IsOpen(status) && status is not (Submitted or NeedsInformation)
            ? CommandDecision.Stay
            : CommandDecision.Refuse("only an open escalation that has been triaged can change severity"),
        Command.Contest => Move(status, Triaged, "only a deflected escalation can be contested", requiredFrom: Deflected),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    private static CommandDecision Move(EscalationStatus from, EscalationStatus to, string refusal, EscalationStatus? requiredFrom = null) =>
        Lifecycle.CanMove(from, to) && (requiredFrom is null || from == requiredFrom)
            ? CommandDecision.MoveTo(to)
            : CommandDecision.Refuse(refusal);
}
