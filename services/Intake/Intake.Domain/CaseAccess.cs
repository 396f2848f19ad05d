using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>The people a case names: who works it, who it is offered to, the lead of its team, and who handed it in
/// (a person's id, or a partner credential's "key:{id}").</summary>
public sealed record CaseParties(string? OwnerId, string? OfferedToId, string? TeamLeadId, string SubmittedById, string CustomerId);

/// <summary>Who asks: the acting person or partner, whether they manage the tenant's support (the manager or admin
/// role), and the customer their credential is bound to, if any.</summary>
public sealed record Caller(Actor Actor, bool IsManager, string? BoundCustomerId = null)
{
    public string Id => Actor.Id;
}

/// <summary>Who may do what to one case. A credential bound to a customer does not even see another customer's
/// cases. Acknowledging is the offeree's alone. The owner's work (actions, customer updates, waiting on and resuming
/// for the customer, resolving) belongs to the owner, the offeree, the team lead and managers. What the frontline
/// does for the customer (adding facts, withdrawing, confirming or disputing the resolution, contesting a deflection) is also open to whoever
/// handed the case in. The severity is changed by the owner, the team lead or a manager.</summary>
public static class CaseAccess
{
    public static bool CanSee(Caller caller, string customerId) => caller.BoundCustomerId is null || caller.BoundCustomerId == customerId;

    /// <summary>Null when the caller may run the command on the case; otherwise why not.</summary>
    public static string? Refusal(Command command, CaseParties parties, Caller caller)
    {
        var works = caller.Id == parties.OwnerId || caller.Id == parties.OfferedToId || caller.Id == parties.TeamLeadId || caller.IsManager;
        return command switch
        {
            Command.Acknowledge => caller.Id == parties.OfferedToId
                ? null
                : $"it is offered to '{parties.OfferedToId ?? "nobody yet"}', and only they can acknowledge it",
            Command.RecordAction or Command.PostCustomerUpdate or Command.WaitOnCustomer or Command.Resume or Command.Resolve => works
                ? null
                : "only the owner, the person it is offered to, the team lead or a manager can do this",
            Command.ChangeSeverity => caller.Id == parties.OwnerId || caller.Id == parties.TeamLeadId || caller.IsManager
                ? null
                : "only the owner, the team lead or a manager can change the severity",
            Command.AddContext or Command.Cancel or Command.ConfirmClosure or Command.Reopen or Command.Contest => works || caller.Id == parties.SubmittedById
                ? null
                : "only whoever handed the case in, its owner, the person it is offered to, the team lead or a manager can do this",
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }
}
