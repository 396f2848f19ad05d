using System.Diagnostics.CodeAnalysis;
using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>Who is told what (SPEC §7): each event becomes a <see cref="NoticeEvent"/> about the case as it was, with
/// the people it concerns, and the tenant's <see cref="NotificationRules"/> name the roles that hear of it. One notice
/// per event per recipient: a person in two roles is told once, in the first rule's role (so a backup the case is
/// offered to hears of it once, as its owner).</summary>
public static class RecipientPolicy
{
    public static IReadOnlyList<Notice> ForOffer(EscalationOffered offer, NoticeCase facts, CaseContacts known, NotificationRules rules)
    {
        var notice = offer.Replanned ? NoticeEvent.OfferReplanned : offer.PreviouslyOfferedTo is null && offer.Step == 0 ? NoticeEvent.Offered : NoticeEvent.OfferMoved;
        var eventKey = notice switch
        {
            NoticeEvent.OfferReplanned => $"offered:{offer.EscalationId}:{offer.Level}:replanned:{offer.RespondBy.ToUnixTimeMilliseconds()}",
            _ when offer.Step == 0 => $"offered:{offer.EscalationId}:{offer.Level}",
            _ => $"offered:{offer.EscalationId}:{offer.Level}:{offer.Step}", // a policy's repeats offer the same level again
        };
        return Tell(rules, notice, facts with { Severity = offer.Severity }, known with
        {
            Owner = Of(offer.OfferedTo),
            Backup = offer.Backup.Email == offer.OfferedTo.Email ? null : Of(offer.Backup),
            TeamLead = offer.TeamLead is { } lead ? Of(lead) : known.TeamLead,
        }, eventKey);
    }

    public static IReadOnlyList<Notice> ForUnroutable(EscalationUnroutable unroutable, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        Tell(rules, NoticeEvent.Unroutable, facts with { Severity = unroutable.Severity },
            known with { TeamLead = unroutable.TeamLead is { } lead ? Of(lead) : known.TeamLead },
            $"unroutable:{unroutable.EscalationId}:{unroutable.At.ToUnixTimeMilliseconds()}");

    /// <summary>The top of the escalation policy (the last person asked already has the offer).</summary>
    public static IReadOnlyList<Notice> ForPolicyExhausted(EscalationPolicyExhausted exhausted, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        Tell(rules, NoticeEvent.TopOfPolicy, facts,
            known with { Owner = null, TeamLead = exhausted.TeamLead is { } lead ? Of(lead) : known.TeamLead },
            $"top-of-policy:{exhausted.EscalationId}:{exhausted.At.ToUnixTimeMilliseconds()}");

    /// <summary>A change that raises a case into S1 or S2 (or from S2 to S1) or lowers it out of them. Changes between
    /// S3 and S4 tell nobody (the person offered the case hears of a new deadline through the re-planned offer).</summary>
    public static IReadOnlyList<Notice> ForSeverityChange(EscalationSeverityChanged change, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        change.From > Severity.S2 && change.To > Severity.S2
            ? []
            : Tell(rules, NoticeEvent.SeverityChanged, facts with { Severity = change.To < change.From ? change.To : change.From }, known,
                $"severity:{change.EscalationId}:{change.From}:{change.To}:{change.At.ToUnixTimeMilliseconds()}");

    /// <summary>A handoff: who it asks when it is requested or moves up; the owner handing off when it is answered or
    /// nobody took it.</summary>
    public static IReadOnlyList<Notice> ForHandoff(EscalationHandoff handoff, NoticeCase facts, CaseContacts known, NotificationRules rules)
    {
        var notice = handoff.Step switch
        {
            HandoffStep.Requested or HandoffStep.MovedUp => NoticeEvent.HandoffRequested,
            HandoffStep.Accepted or HandoffStep.Rejected => NoticeEvent.HandoffAnswered,
            _ => NoticeEvent.HandoffUnanswered,
        };
        var asked = handoff.AskedNow ?? handoff.ToTeamLead;
        return Tell(rules, notice, facts, known with
        {
            Owner = handoff.From is { } from ? Of(from) : null,
            Asked = asked is null ? null : Of(asked),
        }, $"handoff:{handoff.HandoffId}:{handoff.Step}:{handoff.AskedNow?.Id}");
    }

    public static IReadOnlyList<Notice> ForThreshold(SlaThresholdReached reached, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        Tell(rules, reached.Threshold == ThresholdKind.Warning ? NoticeEvent.SlaWarning : NoticeEvent.SlaBreach, facts with { Severity = reached.Severity }, known,
            $"sla:{reached.EscalationId}:{reached.Clock}:{reached.Threshold}:{reached.PercentElapsed}:{reached.DueAt.ToUnixTimeSeconds()}");

    /// <summary>The customer, when the commitment is news to them (<see cref="CustomerNews"/>); nobody otherwise.</summary>
    public static IReadOnlyList<Notice> ForCommitment(CustomerCommitmentUpdated commitment, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        CustomerNews.IsNews(commitment)
            ? Tell(rules, NoticeEvent.CustomerNews, facts, known,
                $"customer:{commitment.EscalationId}:{commitment.Status}:{commitment.At.ToUnixTimeMilliseconds()}")
            : [];

    /// <summary>A case went back to the frontline: its submitter, when a person (a partner credential hears through its
    /// webhooks), and its customer.</summary>
    public static IReadOnlyList<Notice> ForDeflection(EscalationDeflected deflected, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        Tell(rules, NoticeEvent.Deflected, facts with { Severity = deflected.Severity }, known with
        {
            Submitter = CaseContacts.SubmittingPerson(deflected.SubmittedBy),
            Customer = deflected.Customer.ContactEmail ?? known.Customer,
        }, $"deflected:{deflected.EscalationId}");

    /// <summary>A problem is no case: of the roles, only leadership (<paramref name="leadership"/>) exists without one,
    /// and a rule limited to severities or tiers never applies. Its key is the problem's, so it is told once however
    /// often it is raised.</summary>
    public static IReadOnlyList<Notice> ForProblem(ProblemRaised raised, IReadOnlyList<string> leadership, NotificationRules rules) =>
        Tell(rules, NoticeEvent.ProblemRaised, new NoticeCase(null, null), new CaseContacts { Leadership = leadership }, $"problem:{raised.ProblemId}");

    /// <summary>The fix of a problem, for one of its linked cases.</summary>
    public static IReadOnlyList<Notice> ForProblemFix(ProblemFixAnnounced fix, Guid escalationId, NoticeCase facts, CaseContacts known, NotificationRules rules) =>
        Tell(rules, NoticeEvent.ProblemFixed, facts, known, $"problem-fixed:{fix.ProblemId}:{escalationId}");

    /// <summary>The notices the rules give for one event: rule by rule, in order, each recipient once.</summary>
    public static IReadOnlyList<Notice> Tell(NotificationRules rules, NoticeEvent notice, NoticeCase facts, CaseContacts known, string eventKey)
    {
        var notices = new Notices(notice, eventKey);
        foreach (var rule in rules.Rules.Where(rule => rule.Applies(notice, facts)))
        {
            switch (rule.Audience)
            {
                case Audience.Owner:
                    notices.Add(known.Owner, Audience.Owner);
                    break;
                case Audience.Backup:
                    notices.Add(known.Backup, Audience.Backup);
                    break;
                case Audience.TeamLead:
                    notices.Add(known.TeamLead, Audience.TeamLead);
                    break;
                case Audience.OwnerOrTeamLead when IsKnown(known.Owner?.Email):
                    notices.Add(known.Owner, Audience.Owner);
                    break;
                case Audience.OwnerOrTeamLead:
                    notices.Add(known.TeamLead, Audience.TeamLead);
                    break;
                case Audience.Asked:
                    notices.Add(known.Asked, Audience.Asked);
                    break;
                case Audience.Leadership:
                    notices.AddAll(known.Leadership, Audience.Leadership);
                    break;
                case Audience.AccountTeam:
                    notices.AddAll(known.AccountTeam, Audience.AccountTeam);
                    break;
                case Audience.Customer:
                    notices.Add(known.Customer, Audience.Customer, NoticeChannel.Email);
                    break;
                case Audience.TeamChannel:
                    notices.Add(known.TeamChannel?.Url, Audience.TeamChannel, NoticeChannel.Chat);
                    break;
                case Audience.Submitter:
                    notices.Add(known.Submitter, Audience.Submitter, NoticeChannel.InApp, known.Submitter);
                    break;
            }
        }

        return notices.List;
    }

    private static Person Of(MemberRef member) => new(member.Id, member.Name, member.Email);

    private static bool IsKnown([NotNullWhen(true)] string? address) => !string.IsNullOrWhiteSpace(address);

    /// <summary>Keeps the first notice per recipient and drops unknown recipients.</summary>
    private sealed class Notices(NoticeEvent notice, string eventKey)
    {
        public List<Notice> List { get; } = [];

        public void Add(Person? person, Audience audience)
        {
            if (person is not null)
            {
                Add(person.Email, audience, NoticeChannel.Email, person.Id, person.Name);
            }
        }

        public void AddAll(IEnumerable<string> addresses, Audience audience)
        {
            foreach (var address in addresses)
            {
                Add(address, audience, NoticeChannel.Email);
            }
        }

        public void Add(string? recipient, Audience audience, NoticeChannel channel, string? personId = null, string? name = null)
        {
            if (IsKnown(recipient) && !List.Exists(told => told.Recipient == recipient))
            {
                List.Add(new Notice(recipient, audience, notice, eventKey, channel, personId, name));
            }
        }
    }
}
