using EscalationPlatform.Contracts;
using Notification.Api.Templates;

namespace Notification.Api.Projections;

/// <summary>What each event says to a template, by the names after "event." (<see cref="Domain.TemplateVariables"/>).</summary>
public static class NoticeFacts
{
    public static EventFacts Of(EscalationOffered offer) => new()
    {
        ["reason"] = offer.Reason,
        ["due"] = offer.RespondBy,
        ["from"] = offer.PreviouslyOfferedTo?.Name,
        ["backup"] = offer.Backup.Name,
        ["policy"] = offer.Policy,
    };

    public static EventFacts Of(EscalationUnroutable unroutable) => new() { ["reason"] = unroutable.Reason };

    public static EventFacts Of(EscalationPolicyExhausted exhausted) => new()
    {
        ["policy"] = exhausted.Policy,
        ["offers"] = exhausted.Offers,
        ["reason"] = $"nobody acknowledged it through the {exhausted.Policy} escalation policy",
    };

    public static EventFacts Of(EscalationSeverityChanged change) => new()
    {
        ["from"] = change.From.ToString(),
        ["to"] = change.To.ToString(),
        ["direction"] = change.To < change.From ? "raised" : "lowered",
        ["actor"] = change.Actor.Name,
        ["reason"] = change.Reason,
    };

    public static EventFacts Of(EscalationHandoff handoff) => new()
    {
        ["step"] = Step(handoff.Step),
        ["asked"] = handoff.AskedNow?.Name ?? $"anyone on {handoff.ToTeam.Name}",
        ["requested_by"] = handoff.RequestedBy.Name,
        ["answered_by"] = handoff.AnsweredBy?.Name,
        ["answer"] = handoff.Answer,
        ["reason"] = handoff.Reason,
        ["context"] = handoff.ContextSummary,
        ["actions"] = handoff.ActionsTaken,
        ["due"] = handoff.RespondBy,
    };

    public static EventFacts Of(SlaThresholdReached reached) => new()
    {
        ["clock"] = reached.Clock switch
        {
            ClockKind.FirstResponse => "first response",
            ClockKind.CustomerUpdate => "customer update",
            _ => "resolution",
        },
        ["percent"] = reached.PercentElapsed,
        ["due"] = reached.DueAt,
        ["late_note"] = reached.AnnouncedLateBy is { } late
            ? $"\n(Announced {late.TotalSeconds:0} s late: the SLA service was unavailable when it happened.)"
            : "",
        ["reason"] = reached.Threshold == ThresholdKind.Breach ? "the target was missed" : $"{reached.PercentElapsed}% of the time has elapsed",
    };

    /// <param name="commitment">The commitment announced.</param>
    /// <param name="ratingLink">The customer's rating link, when the case closed.</param>
    public static EventFacts Of(CustomerCommitmentUpdated commitment, string? ratingLink = null) => new()
    {
        ["rating_link"] = ratingLink,
        ["news"] = Domain.CustomerNews.IsNews(commitment.Status) ? StatusNews(commitment.Status) : null,
        ["message"] = commitment.Message,
        ["next_update"] = commitment.NextUpdateDue,
        ["reason"] = commitment.Message is null ? $"the case is {commitment.Status}" : "an update was written for the customer",
    };

    public static EventFacts Of(EscalationDeflected deflected) => new()
    {
        ["article"] = $"{deflected.Deflection.Title} ({deflected.Deflection.ArticleId})",
        ["workaround"] = deflected.Deflection.Workaround,
        ["reason"] = deflected.Deflection.Why,
        ["at"] = deflected.At,
    };

    /// <param name="raised">The problem raised.</param>
    /// <param name="problemLink">The problem's page in the portal.</param>
    public static EventFacts Of(ProblemRaised raised, string problemLink) => new()
    {
        ["problem"] = raised.Title,
        ["shared"] = raised.Shared,
        ["cases"] = raised.Cases.Select(linked => $"{linked.Key} \"{linked.Title}\"").ToList(),
        ["problem_link"] = problemLink,
        ["reason"] = $"{raised.Cases.Count} cases share {raised.Shared}",
        ["at"] = raised.At,
    };

    public static EventFacts Of(ProblemFixAnnounced fix) => new()
    {
        ["problem"] = fix.Title,
        ["fixed_in"] = fix.FixedIn,
        ["note"] = fix.Note,
        ["reason"] = $"the problem behind it is fixed in {fix.FixedIn}",
        ["at"] = fix.At,
    };

    private static string Step(HandoffStep step) => step switch
    {
        HandoffStep.Requested => "requested",
        HandoffStep.MovedUp => "moved-up",
        HandoffStep.Accepted => "accepted",
        HandoffStep.Rejected => "rejected",
        _ => "unanswered",
    };

    private static string StatusNews(EscalationStatus status) => status switch
    {
        EscalationStatus.Triaged => "We have received your case and our specialists are on it.",
        EscalationStatus.Acknowledged => "An engineer has taken ownership of your case.",
        EscalationStatus.InProgress => "We are working on your case.",
        EscalationStatus.WaitingOnCustomer => "We need information from you to continue; your case waits for your reply.",
        EscalationStatus.Resolved => "We believe your case is resolved. Please confirm that it is, or reply if it is not.",
        EscalationStatus.Closed => "Your case is closed. Thank you.",
        EscalationStatus.Reopened => "Your case has been reopened and we are on it again.",
        _ => "Your case has been withdrawn.",
    };
}
