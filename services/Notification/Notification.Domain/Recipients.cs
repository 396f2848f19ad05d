namespace Notification.Domain;

/// <summary>A person who may be told: <paramref name="Id"/> is their directory id when they are one of the tenant's
/// people (their preferences and in-app feed are kept by it), null for an address only.</summary>
public sealed record Person(string? Id, string Name, string Email);

/// <summary>What is known of a case when an event about it arrives: who may be told, in each role. A role nobody fills
/// (null, or an empty list) tells nobody.</summary>
public sealed record CaseContacts
{
    /// <summary>Who must act now: the person the case is offered to or who accepted it; for a handoff, the owner handing
    /// it off.</summary>
    public Person? Owner { get; init; }

    public Person? Backup { get; init; }

    /// <summary>The lead of the owning team.</summary>
    public Person? TeamLead { get; init; }

    /// <summary>Who a handoff asks now (the lead of the receiving team when nobody in particular).</summary>
    public Person? Asked { get; init; }

    /// <summary>The tenant's leadership addresses.</summary>
    public IReadOnlyList<string> Leadership { get; init; } = [];

    /// <summary>The tenant's people who look after the customer (the customer directory's account team).</summary>
    public IReadOnlyList<string> AccountTeam { get; init; } = [];

    /// <summary>The owning team's chat channel.</summary>
    public TeamChannel? TeamChannel { get; init; }

    public string? Customer { get; init; }

    /// <summary>The person who handed the case in, by their directory id (see <see cref="SubmittingPerson"/>): told in
    /// the in-app feed, as notification knows no address of theirs.</summary>
    public string? Submitter { get; init; }

    /// <summary>The person among a case's submitters: a partner credential ("key:{id}") is no person and hears through
    /// its webhook subscriptions instead.</summary>
    public static string? SubmittingPerson(string? submittedBy) =>
        string.IsNullOrWhiteSpace(submittedBy) || submittedBy.StartsWith("key:", StringComparison.Ordinal) ? null : submittedBy;
}

/// <summary>The role in which someone is told: what a recipient rule names.</summary>
public enum Audience
{
    /// <summary>Who must act now (see <see cref="CaseContacts.Owner"/>).</summary>
    Owner,

    /// <summary>The owner's named backup (never told twice when the case is offered to them).</summary>
    Backup,

    TeamLead,

    /// <summary>The owner, or the team lead when nobody owns the case yet.</summary>
    OwnerOrTeamLead,

    /// <summary>Who a handoff asks.</summary>
    Asked,

    Leadership,

    /// <summary>The customer's account team.</summary>
    AccountTeam,

    /// <summary>The owning team's chat channel.</summary>
    TeamChannel,

    Customer,

    /// <summary>The person who handed the case in (never a partner credential), in the in-app feed.</summary>
    Submitter,
}

/// <summary>How a notice reaches its recipient.</summary>
public enum NoticeChannel
{
    Email,

    /// <summary>A Slack- or Teams-compatible incoming webhook.</summary>
    Chat,

    /// <summary>The portal's in-app feed alone, for someone notification has no address for: the recipient is their
    /// directory id.</summary>
    InApp,
}

/// <summary>One recipient to tell about one event. <paramref name="EventKey"/> names the event: with the recipient it
/// is the delivery's dedup key, so a redelivered event is never told twice. <paramref name="PersonId"/> is the
/// recipient's directory id when they are one of the tenant's people.</summary>
public sealed record Notice(string Recipient, Audience Audience, NoticeEvent Event, string EventKey, NoticeChannel Channel = NoticeChannel.Email,
    string? PersonId = null, string? Name = null)
{
    /// <summary>Told to one of the tenant's people or internal addresses, not to the customer or a channel.</summary>
    public bool IsInternalEmail => Channel == NoticeChannel.Email && Audience != Audience.Customer;
}
