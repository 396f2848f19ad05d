namespace Notification.Domain;

/// <summary>What is known of a case when an event about it arrives: the address of each person who may be told.
/// A null or blank address is not known, and nobody is told in that role.</summary>
/// <param name="Owner">Who must act now: the person the escalation is offered to, or who accepted it.</param>
/// <param name="TeamLead">The lead of the owning team.</param>
/// <param name="Leadership">The tenant's leadership address.</param>
/// <param name="Customer">The customer's contact.</param>
public sealed record CaseContacts(string? Owner, string? TeamLead, string? Leadership, string? Customer);

/// <summary>The role in which someone is told.</summary>
public enum Audience
{
    Offeree,
    Owner,
    /// <summary>The team lead, on a breach, or on a warning in place of an owner who is not known.</summary>
    TeamLead,
    Leadership,
    Customer,
}

/// <summary>What a notification is about; the Api words each kind (EmailTemplates).</summary>
public enum NoticeKind
{
    /// <summary>The escalation is offered to you: acknowledge or it moves on.</summary>
    Offer,
    /// <summary>An S1 escalation was opened (its first offer).</summary>
    MajorIncidentOpened,
    SlaWarning,
    SlaBreach,
    /// <summary>A status that is news to the customer, or an update written for them, with "next update by".</summary>
    CustomerNews,
    /// <summary>Nobody could be offered the escalation: it waits until the team or the rules are fixed.</summary>
    Unroutable,
    /// <summary>A case rose into S1 or S2, or was lowered out of them.</summary>
    SeverityChanged,
    /// <summary>A handoff asks you to take a case, or says how yours was answered.</summary>
    Handoff,
    /// <summary>Nobody acknowledged a case through its whole escalation policy: it is flagged.</summary>
    TopOfPolicy,
}

/// <summary>One person to tell about one event. <paramref name="EventKey"/> names the event: with the recipient it
/// is the delivery's dedup key, so a redelivered event is never told twice.</summary>
public sealed record Notice(string Recipient, Audience Audience, NoticeKind Kind, string EventKey);
