namespace Notification.Domain;

/// <summary>What a notification is about: the moments a tenant's recipient rules and templates are written for.</summary>
public enum NoticeEvent
{
    /// <summary>A case is first offered to someone: acknowledge or it moves on.</summary>
    Offered,

    /// <summary>An unanswered offer moved up the escalation policy to someone else.</summary>
    OfferMoved,

    /// <summary>The same offer with a new deadline, because the severity changed.</summary>
    OfferReplanned,

    /// <summary>Nobody could be offered the case: it waits until the team or the rules are fixed.</summary>
    Unroutable,

    /// <summary>Nobody acknowledged the case through its whole escalation policy.</summary>
    TopOfPolicy,

    /// <summary>A case rose into S1 or S2, or was lowered out of them.</summary>
    SeverityChanged,

    /// <summary>A handoff asks someone to take a case (or moved up to the next person asked).</summary>
    HandoffRequested,

    /// <summary>A handoff was accepted or rejected.</summary>
    HandoffAnswered,

    /// <summary>Nobody took a handoff in time.</summary>
    HandoffUnanswered,

    SlaWarning,

    SlaBreach,

    /// <summary>A status that is news to the customer (the request to confirm closure among them), or an update written
    /// for them, with the "next update by" commitment.</summary>
    CustomerNews,

    /// <summary>A case went back to the frontline with a known error's workaround instead of to an expert team.</summary>
    Deflected,

    /// <summary>A problem record was raised for cases that share an error, a release or a product area: a notice about
    /// the problem, not about one of its cases.</summary>
    ProblemRaised,

    /// <summary>The fix of the problem behind a case is out.</summary>
    ProblemFixed,
}

/// <summary>The names the API and the templates use for <see cref="NoticeEvent"/>s ("sla-breach").</summary>
public static class NoticeEvents
{
    public static IReadOnlyList<NoticeEvent> All { get; } = Enum.GetValues<NoticeEvent>();

    public static string Name(NoticeEvent notice) => notice switch
    {
        NoticeEvent.Offered => "offered",
        NoticeEvent.OfferMoved => "offer-moved",
        NoticeEvent.OfferReplanned => "offer-replanned",
        NoticeEvent.Unroutable => "unroutable",
        NoticeEvent.TopOfPolicy => "top-of-policy",
        NoticeEvent.SeverityChanged => "severity-changed",
        NoticeEvent.HandoffRequested => "handoff-requested",
        NoticeEvent.HandoffAnswered => "handoff-answered",
        NoticeEvent.HandoffUnanswered => "handoff-unanswered",
        NoticeEvent.SlaWarning => "sla-warning",
        NoticeEvent.SlaBreach => "sla-breach",
        NoticeEvent.Deflected => "deflected",
        NoticeEvent.ProblemRaised => "problem-raised",
        NoticeEvent.ProblemFixed => "problem-fixed",
        _ => "customer-news",
    };

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(Name)];

    public static NoticeEvent? Parse(string name) => All.Cast<NoticeEvent?>().FirstOrDefault(notice => Name(notice!.Value) == name);
}
