namespace Notification.Domain;

/// <summary>The variables a tenant's message templates may use: the same for every event (those an event does not
/// have are empty). A template naming any other is refused when it is saved, by name.</summary>
public static class TemplateVariables
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["case.key"] = "The case's key, for example ESC-1042.",
        ["case.title"] = "The case's title.",
        ["case.severity"] = "S1 to S4 (empty while triage has not decided).",
        ["case.status"] = "The case's status as the message is written.",
        ["case.customer"] = "The customer's name.",
        ["case.team"] = "The owning team.",
        ["case.owner"] = "Who owns the case, or who it is offered to.",
        ["case.link"] = "The case's page in the portal (a problem-raised notice is about no case: its case values are empty).",
        ["recipient.name"] = "Who the message is to.",
        ["recipient.role"] = "Why they are told: owner, backup, team-lead, asked, leadership, account-team, team-channel, customer or submitter.",
        ["recipient.time_zone"] = "The time zone the message's times are given in.",
        ["event.name"] = "What happened, for example offered or sla-breach.",
        ["event.reason"] = "Why: the rule, the reason given or what routing found.",
        ["event.actor"] = "Who did it, when a person did.",
        ["event.due"] = "The deadline in the recipient's time zone, with UTC beside it.",
        ["event.due_utc"] = "The deadline in UTC (ISO 8601).",
        ["event.from"] = "What it was before: a severity, or the previous person offered the case.",
        ["event.to"] = "What it is now: a severity.",
        ["event.direction"] = "A severity change's direction: raised or lowered.",
        ["event.clock"] = "The SLA clock: first response, customer update or resolution.",
        ["event.percent"] = "How much of the SLA time has elapsed, in percent.",
        ["event.late_note"] = "When a threshold was announced late, a sentence saying so.",
        ["event.step"] = "A handoff's step: requested, moved-up, accepted, rejected or unanswered.",
        ["event.asked"] = "Who a handoff asks.",
        ["event.requested_by"] = "Who asked for the handoff.",
        ["event.answered_by"] = "Who answered the handoff.",
        ["event.answer"] = "The answer given to a handoff.",
        ["event.context"] = "The context a handoff carries.",
        ["event.actions"] = "What was already done, as a list.",
        ["event.backup"] = "The owner's backup.",
        ["event.policy"] = "The escalation policy.",
        ["event.offers"] = "How many offers went unanswered.",
        ["event.news"] = "What the status means to the customer, in a sentence.",
        ["event.message"] = "The update written for the customer.",
        ["event.next_update"] = "The next update the customer is promised, in their time zone with UTC beside it.",
        ["event.rating_link"] = "The customer's link to rate how the case was handled (once, without a login): closed cases only.",
        ["event.at"] = "When it happened, in the recipient's time zone with UTC beside it (deflected, problem-raised, problem-fixed).",
        ["event.article"] = "The known error a deflected case matched: its article's title and id.",
        ["event.workaround"] = "The documented workaround of the known error a deflected case matched.",
        ["event.problem"] = "The problem record's title.",
        ["event.shared"] = "What a problem's cases share, in words: an error message, a release or a product area.",
        ["event.cases"] = "A problem's linked cases, each as its key and title, oldest first (a list).",
        ["event.problem_link"] = "The problem's page in the portal.",
        ["event.fixed_in"] = "The version or change that has a problem's fix.",
        ["event.note"] = "The note given with a problem's fix (may be empty).",
    };

    /// <summary>The objects a template can name, to tell "case.nope" (unknown) from a name it defines itself.</summary>
    public static IReadOnlySet<string> Roots { get; } = new HashSet<string>(All.Keys.Select(path => path.Split('.')[0]), StringComparer.Ordinal);

    public static bool IsKnown(string path) => All.ContainsKey(path);
}
