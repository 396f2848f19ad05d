using System.Diagnostics.CodeAnalysis;
using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>Who is told what (SPEC §7): the offeree on each offer; leadership when an S1 escalation is first
/// offered; the team lead (when routing found a team) and leadership when nobody could be offered it, and when nobody acknowledged it through its whole escalation policy; the owner (or, when there is no owner, the team lead) on an SLA warning; owner, team lead and, for S1
/// and S2, leadership on a breach; leadership, owner and team lead when a case rises into S1 or S2 or is lowered out of them; the customer on status news and updates, with the "next update by" time.
/// One notification per event per recipient: a person in two roles is told once, in the first role listed.
/// Severity and status are the event's own (the case as it was when the event happened).</summary>
public static class RecipientPolicy
{
    public static IReadOnlyList<Notice> ForOffer(EscalationOffered offer, CaseContacts known)
    {
        var notices = new Notices();
        if (offer.Replanned)
        {
            notices.Add(offer.OfferedTo.Email, Audience.Offeree, NoticeKind.Offer,
                $"offered:{offer.EscalationId}:{offer.Level}:replanned:{offer.RespondBy.ToUnixTimeMilliseconds()}");
            return notices.List; // leadership hears of the severity change itself (ForSeverityChange)
        }

        // A policy's repeats offer the same level again: each move is its own event.
        notices.Add(offer.OfferedTo.Email, Audience.Offeree, NoticeKind.Offer,
            offer.Step == 0 ? $"offered:{offer.EscalationId}:{offer.Level}" : $"offered:{offer.EscalationId}:{offer.Level}:{offer.Step}");
        if (offer.Level == OfferLevel.Owner && offer.Severity == Severity.S1)
        {
            notices.Add(known.Leadership, Audience.Leadership, NoticeKind.MajorIncidentOpened, $"s1-opened:{offer.EscalationId}");
        }

        return notices.List;
    }

    public static IReadOnlyList<Notice> ForUnroutable(EscalationUnroutable unroutable, CaseContacts known)
    {
        var notices = new Notices();
        var eventKey = $"unroutable:{unroutable.EscalationId}:{unroutable.At.ToUnixTimeMilliseconds()}";
        notices.Add(unroutable.TeamLead?.Email, Audience.TeamLead, NoticeKind.Unroutable, eventKey);
        notices.Add(known.Leadership, Audience.Leadership, NoticeKind.Unroutable, eventKey);
        return notices.List;
    }

    /// <summary>The top of the escalation policy: the team lead and leadership (the last person asked already has
    /// the offer).</summary>
    public static IReadOnlyList<Notice> ForPolicyExhausted(EscalationPolicyExhausted exhausted, CaseContacts known)
    {
        var notices = new Notices();
        var eventKey = $"top-of-policy:{exhausted.EscalationId}:{exhausted.At.ToUnixTimeMilliseconds()}";
        notices.Add(exhausted.TeamLead?.Email, Audience.TeamLead, NoticeKind.TopOfPolicy, eventKey);
        notices.Add(known.Leadership, Audience.Leadership, NoticeKind.TopOfPolicy, eventKey);
        return notices.List;
    }

    /// <summary>A change that raises a case into S1 or S2 (or from S2 to S1) or lowers it out of them: leadership, the
    /// owner and the team lead. Changes between S3 and S4 tell nobody (the person offered the case hears of a new
    /// deadline through the re-planned offer).</summary>
    public static IReadOnlyList<Notice> ForSeverityChange(EscalationSeverityChanged change, CaseContacts known)
    {
        var notices = new Notices();
        if (change.From > Severity.S2 && change.To > Severity.S2)
        {
            return notices.List;
        }

        var eventKey = $"severity:{change.EscalationId}:{change.From}:{change.To}:{change.At.ToUnixTimeMilliseconds()}";
        notices.Add(known.Leadership, Audience.Leadership, NoticeKind.SeverityChanged, eventKey);
        notices.Add(known.Owner, Audience.Owner, NoticeKind.SeverityChanged, eventKey);
        notices.Add(known.TeamLead, Audience.TeamLead, NoticeKind.SeverityChanged, eventKey);
        return notices.List;
    }

    /// <summary>A handoff: the person asked (for a team, its lead) when it is requested or moves up; the previous owner
    /// when it is accepted or rejected; the previous owner and leadership when nobody took it.</summary>
    public static IReadOnlyList<Notice> ForHandoff(EscalationHandoff handoff, CaseContacts known)
    {
        var notices = new Notices();
        var eventKey = $"handoff:{handoff.HandoffId}:{handoff.Step}:{handoff.AskedNow?.Id}";
        switch (handoff.Step)
        {
            case HandoffStep.Requested or HandoffStep.MovedUp:
                notices.Add((handoff.AskedNow ?? handoff.ToTeamLead)?.Email, Audience.Offeree, NoticeKind.Handoff, eventKey);
                break;
            case HandoffStep.Accepted or HandoffStep.Rejected:
                notices.Add(handoff.From?.Email, Audience.Owner, NoticeKind.Handoff, eventKey);
                break;
            default:
                notices.Add(handoff.From?.Email, Audience.Owner, NoticeKind.Handoff, eventKey);
                notices.Add(known.Leadership, Audience.Leadership, NoticeKind.Handoff, eventKey);
                break;
        }

        return notices.List;
    }

    public static IReadOnlyList<Notice> ForThreshold(SlaThresholdReached reached, CaseContacts known)
    {
        var notices = new Notices();
        var eventKey = $"sla:{reached.EscalationId}:{reached.Clock}:{reached.Threshold}:{reached.PercentElapsed}:{reached.DueAt.ToUnixTimeSeconds()}";
        if (reached.Threshold == ThresholdKind.Warning)
        {
            if (IsKnown(known.Owner))
            {
                notices.Add(known.Owner, Audience.Owner, NoticeKind.SlaWarning, eventKey);
            }
            else
            {
                notices.Add(known.TeamLead, Audience.TeamLead, NoticeKind.SlaWarning, eventKey);
            }

            return notices.List;
        }

        notices.Add(known.Owner, Audience.Owner, NoticeKind.SlaBreach, eventKey);
        notices.Add(known.TeamLead, Audience.TeamLead, NoticeKind.SlaBreach, eventKey);
        if (reached.Severity is Severity.S1 or Severity.S2)
        {
            notices.Add(known.Leadership, Audience.Leadership, NoticeKind.SlaBreach, eventKey);
        }

        return notices.List;
    }

    /// <summary>The customer, when the commitment is news to them (<see cref="CustomerNews"/>); nobody otherwise.</summary>
    public static IReadOnlyList<Notice> ForCommitment(CustomerCommitmentUpdated commitment, CaseContacts known)
    {
        var notices = new Notices();
        if (CustomerNews.IsNews(commitment))
        {
            notices.Add(known.Customer, Audience.Customer, NoticeKind.CustomerNews,
                $"customer:{commitment.EscalationId}:{commitment.Status}:{commitment.At.ToUnixTimeMilliseconds()}");
        }

        return notices.List;
    }

    private static bool IsKnown([NotNullWhen(true)] string? address) => !string.IsNullOrWhiteSpace(address);

    /// <summary>Keeps the first notice per recipient and drops unknown recipients.</summary>
    private sealed class Notices
    {
        public List<Notice> List { get; } = [];

        public void Add(string? recipient, Audience audience, NoticeKind kind, string eventKey)
        {
            if (IsKnown(recipient) && !List.Exists(notice => notice.Recipient == recipient))
            {
                List.Add(new Notice(recipient, audience, kind, eventKey));
            }
        }
    }
}
