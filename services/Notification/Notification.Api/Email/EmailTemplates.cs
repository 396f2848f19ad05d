using System.Globalization;
using EscalationPlatform.Contracts;
using Notification.Api.Projections;
using Notification.Domain;

namespace Notification.Api.Email;

public sealed record EmailText(string Subject, string Body);

/// <summary>The wording of every email, per event and audience. Times are ISO-8601 UTC, and for customers also
/// in their own time zone.</summary>
public static class EmailTemplates
{
    public static EmailText Offered(EscalationProjection escalation, EscalationOffered offer)
    {
        var why = offer.PreviouslyOfferedTo is null
            ? offer.Reason
            : $"{offer.Reason} (previously offered to {offer.PreviouslyOfferedTo?.Name ?? "someone else"})";
        return new(
            $"[{escalation.Key}] {Severity(escalation)} offered to you: {escalation.Title}",
            $"""
            Hello {offer.OfferedTo.Name},

            {escalation.Key} "{escalation.Title}" for {escalation.CustomerName} ({Severity(escalation)}) is offered to you on {offer.Team.Name}.
            Acknowledge by {Utc(offer.RespondBy)} to take ownership; otherwise it moves on.

            Why you: {why}
            Backup: {offer.Backup.Name}
            """);
    }

    public static EmailText MajorIncidentOpened(EscalationProjection escalation, EscalationOffered offer) => new(
        $"[{escalation.Key}] S1 escalation: {escalation.Title}",
        $"""
        {escalation.Key} "{escalation.Title}" for {escalation.CustomerName} is S1.
        It is offered to {offer.OfferedTo.Name} on {offer.Team.Name} (backup {offer.Backup.Name}).
        """);

    public static EmailText Unroutable(EscalationProjection escalation, EscalationUnroutable unroutable) => new(
        $"[{escalation.Key}] {Severity(escalation)} escalation has no owner: {escalation.Title}",
        $"""
        {escalation.Key} "{escalation.Title}" for {escalation.CustomerName} ({Severity(escalation)}) could be offered to nobody.

        Why: {unroutable.Reason}.
        It waits, triaged, until a team can take it: add members to the team, or a routing rule or default team for its kind of issue.
        """);

    public static EmailText PolicyExhausted(EscalationProjection escalation, EscalationPolicyExhausted exhausted) => new(
        $"[{escalation.Key}] {Severity(escalation)} escalation unanswered at the top of its policy: {escalation.Title}",
        $"""
        {escalation.Key} "{escalation.Title}" for {escalation.CustomerName} ({Severity(escalation)}) went through every level of the {exhausted.Policy} escalation policy on {exhausted.Team.Name}: {exhausted.Offers} offers, none acknowledged.

        It stays offered to {exhausted.LastOfferedTo.Name} and is flagged on the case. Take it, or hand it to someone who can.
        """);

    public static EmailText SeverityChanged(EscalationProjection escalation, EscalationSeverityChanged change) => new(
        $"[{escalation.Key}] {(change.To < change.From ? "Raised" : "Lowered")} to {change.To}: {escalation.Title}",
        $"""
        {escalation.Key} "{escalation.Title}" for {escalation.CustomerName} is now {change.To} (it was {change.From}).
        Changed by {change.Actor.Name}: {change.Reason}
        Owner: {escalation.OwnerName ?? "not yet accepted"}. The SLA clocks now run to the {change.To} targets.
        """);

    public static EmailText Handoff(EscalationProjection escalation, EscalationHandoff handoff)
    {
        var asked = handoff.AskedNow?.Name ?? $"anyone on {handoff.ToTeam.Name}";
        return handoff.Step switch
        {
            HandoffStep.Requested or HandoffStep.MovedUp => new(
                $"[{escalation.Key}] Please take over: {escalation.Title}",
                $"""
                {handoff.RequestedBy.Name} asks {asked} to take {escalation.Key} "{escalation.Title}" ({escalation.Severity}, {escalation.CustomerName}).
                Why: {handoff.Reason}
                Context: {handoff.ContextSummary}
                Already done: {string.Join("; ", handoff.ActionsTaken)}
                Accept or reject it by {Utc(handoff.RespondBy)}; until someone accepts, {handoff.From?.Name ?? "the current owner"} owns it.
                """),
            HandoffStep.Accepted => new(
                $"[{escalation.Key}] Handoff accepted: {escalation.Title}",
                $"{handoff.AnsweredBy?.Name} accepted the handoff of {escalation.Key} and owns it now on {handoff.ToTeam.Name}."),
            HandoffStep.Rejected => new(
                $"[{escalation.Key}] Handoff rejected: {escalation.Title}",
                $"{handoff.AnsweredBy?.Name} turned down the handoff of {escalation.Key}: {handoff.Answer}\nYou still own it."),
            _ => new(
                $"[{escalation.Key}] Nobody took the handoff: {escalation.Title}",
                $"Nobody on {handoff.ToTeam.Name} accepted the handoff of {escalation.Key} by {Utc(handoff.RespondBy)}. {handoff.From?.Name ?? "The owner"} keeps it."),
        };
    }

    public static EmailText Threshold(EscalationProjection escalation, SlaThresholdReached reached)
    {
        var clock = ClockName(reached.Clock);
        var late = reached.AnnouncedLateBy is { } lateBy ? $"\n(Announced {lateBy.TotalSeconds:0} s late: the SLA service was unavailable when it happened.)" : "";
        return reached.Threshold == ThresholdKind.Breach
            ? new(
                $"[{escalation.Key}] SLA breached: {clock}",
                $"""
                The {clock} target of {escalation.Key} "{escalation.Title}" ({escalation.Severity}, {escalation.CustomerName}) was missed.
                It was due {Utc(reached.DueAt)}. Owner: {escalation.OwnerName ?? "not yet accepted"}.{late}
                """)
            : new(
                $"[{escalation.Key}] SLA warning: {clock} {reached.PercentElapsed}% elapsed",
                $"""
                {reached.PercentElapsed}% of the {clock} time of {escalation.Key} "{escalation.Title}" ({escalation.Severity}, {escalation.CustomerName}) has elapsed.
                It is due {Utc(reached.DueAt)}.{late}
                """);
    }

    /// <summary>The customer's email for a commitment that is news to them (<see cref="CustomerNews"/> decides).</summary>
    public static EmailText Customer(EscalationProjection escalation, CustomerCommitmentUpdated commitment)
    {
        var news = commitment.Message is not null ? "There is an update on your case:" : StatusNews(commitment.Status);
        var message = commitment.Message is null ? "" : $"\n\n{commitment.Message}";
        var next = commitment.NextUpdateDue is { } due ? $"\n\nNext update by: {Local(due, escalation.CustomerTimeZone)} ({Utc(due)})." : "";
        return new(
            $"[{escalation.Key}] {escalation.Title}",
            $"Dear {escalation.CustomerName},\n\n{news}{message}{next}\n\nReference: {escalation.Key}\n");
    }

    private static string StatusNews(EscalationStatus status) => status switch
    {
        EscalationStatus.Triaged => "We have received your case and our specialists are on it.",
        EscalationStatus.Acknowledged => "An engineer has taken ownership of your case.",
        EscalationStatus.InProgress => "We are working on your case.",
        EscalationStatus.WaitingOnCustomer => "We need information from you to continue; your case waits for your reply.",
        EscalationStatus.Resolved => "We believe your case is resolved. Please confirm that it is, or reply if it is not.",
        EscalationStatus.Closed => "Your case is closed. Thank you.",
        EscalationStatus.Reopened => "Your case has been reopened and we are on it again.",
        EscalationStatus.Cancelled => "Your case has been withdrawn.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not news to the customer (CustomerNews.IsNews): nothing to say."),
    };

    private static string ClockName(ClockKind clock) => clock switch
    {
        ClockKind.FirstResponse => "first response",
        ClockKind.CustomerUpdate => "customer update",
        _ => "resolution",
    };

    private static string Severity(EscalationProjection escalation) => escalation.Severity?.ToString() ?? "severity pending";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? $"{TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm} {timeZone}"
            : Utc(at);
}
