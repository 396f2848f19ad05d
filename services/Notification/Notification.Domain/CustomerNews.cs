using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>What the customer hears of (SPEC §7): a status change that means something to them, or any update
/// written for them. Internal steps (submitted, needs information, deflected, assigned) are not news.</summary>
public static class CustomerNews
{
    public static bool IsNews(EscalationStatus status) => status is
        EscalationStatus.Triaged or
        EscalationStatus.Acknowledged or
        EscalationStatus.InProgress or
        EscalationStatus.WaitingOnCustomer or
        EscalationStatus.Resolved or
        EscalationStatus.Closed or
        EscalationStatus.Reopened or
        EscalationStatus.Cancelled;

    /// <summary>A commitment is worth an email when it carries a message for the customer, whatever the status, or
    /// when its status is news.</summary>
    public static bool IsNews(CustomerCommitmentUpdated commitment) => commitment.Message is not null || IsNews(commitment.Status);
}
