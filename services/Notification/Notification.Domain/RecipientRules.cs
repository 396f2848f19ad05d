using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>On <paramref name="Events"/>, for cases of <paramref name="Severities"/> (none: any) and customers of
/// <paramref name="Tiers"/> (none: any), tell <paramref name="Audience"/>. <paramref name="Id"/> names the rule in
/// the document's history.</summary>
public sealed record RecipientRule(
    string Id, IReadOnlyList<NoticeEvent> Events, Audience Audience, IReadOnlyList<Severity>? Severities = null, IReadOnlyList<CustomerTier>? Tiers = null)
{
    public bool Applies(NoticeEvent notice, NoticeCase facts) =>
        Events.Contains(notice)
        && (Severities is not { Count: > 0 } || facts.Severity is { } severity && Severities.Contains(severity))
        && (Tiers is not { Count: > 0 } || facts.Tier is { } tier && Tiers.Contains(tier));
}

/// <summary>What a rule looks at: the case as it was when the event happened.</summary>
public sealed record NoticeCase(Severity? Severity, CustomerTier? Tier);

/// <summary>The kind of incoming webhook a chat channel is.</summary>
public enum ChatKind
{
    /// <summary>Slack's incoming webhooks, and the many that accept Slack's JSON (Mattermost, Rocket.Chat).</summary>
    Slack,

    /// <summary>A Microsoft Teams incoming webhook (workflow), with an Adaptive Card.</summary>
    Teams,
}

/// <summary>A team's chat channel: the incoming webhook its messages are posted to.</summary>
public sealed record TeamChannel(string TeamId, ChatKind Kind, string Url);

/// <summary>A tenant's recipient rules (SPEC §7) and the settings that go with them: the team channels, the
/// leadership addresses, and how long non-urgent internal mail is gathered into a digest.</summary>
public sealed record NotificationRules
{
    public const int MaxRules = 100;
    public const int MaxChannels = 200;
    public const int MaxLeadership = 20;
    public const int MaxDigestMinutes = 240;

    public required IReadOnlyList<RecipientRule> Rules { get; init; }

    public IReadOnlyList<TeamChannel> TeamChannels { get; init; } = [];

    /// <summary>Who "leadership" is; none: the platform's configured leadership address.</summary>
    public IReadOnlyList<string> Leadership { get; init; } = [];

    /// <summary>Non-urgent internal mail to one recipient within this many minutes is one digest; 0 (the default until
    /// a tenant chooses a window) sends each at once.</summary>
    public int DigestMinutes { get; init; }

    public TeamChannel? ChannelOf(string? teamId) => teamId is null ? null : TeamChannels.FirstOrDefault(channel => channel.TeamId == teamId);

    private static readonly Severity[] Major = [Severity.S1, Severity.S2];
    private static readonly CustomerTier[] Valued = [CustomerTier.Premium, CustomerTier.Strategic];

    /// <summary>SPEC §7's rules: the owner on every offer and change that asks something of them; the backup, the team
    /// channel and, for premium and strategic customers, the account team when an S1 or S2 opens or breaches;
    /// leadership on S1s, S1/S2 breaches, a case nobody can or will take, a major severity change, and a problem raised;
    /// the customer on news, a deflection (with its workaround) and the fix of the problem behind their case; the person
    /// who handed in a case that was deflected.</summary>
    public static NotificationRules Default { get; } = new()
    {
        Rules =
        [
            new("owner", [NoticeEvent.Offered, NoticeEvent.OfferMoved, NoticeEvent.OfferReplanned, NoticeEvent.SeverityChanged, NoticeEvent.SlaBreach,
                NoticeEvent.HandoffAnswered, NoticeEvent.HandoffUnanswered], Audience.Owner),
            new("owner-warned", [NoticeEvent.SlaWarning], Audience.OwnerOrTeamLead),
            new("asked", [NoticeEvent.HandoffRequested], Audience.Asked),
            new("backup-major", [NoticeEvent.Offered], Audience.Backup, Major),
            new("team-lead", [NoticeEvent.Unroutable, NoticeEvent.TopOfPolicy, NoticeEvent.SeverityChanged, NoticeEvent.SlaBreach], Audience.TeamLead),
            new("team-channel-major", [NoticeEvent.Offered, NoticeEvent.SeverityChanged, NoticeEvent.SlaBreach], Audience.TeamChannel, Major),
            new("account-team", [NoticeEvent.Offered, NoticeEvent.SlaBreach], Audience.AccountTeam, Major, Valued),
            new("leadership-s1", [NoticeEvent.Offered], Audience.Leadership, [Severity.S1]),
            new("leadership-breach", [NoticeEvent.SlaBreach], Audience.Leadership, Major),
            new("leadership-stuck", [NoticeEvent.Unroutable, NoticeEvent.TopOfPolicy, NoticeEvent.HandoffUnanswered, NoticeEvent.SeverityChanged],
                Audience.Leadership),
            new("customer", [NoticeEvent.CustomerNews], Audience.Customer),
            new("customer-deflected", [NoticeEvent.Deflected], Audience.Customer),
            new("submitter-deflected", [NoticeEvent.Deflected], Audience.Submitter),
            new("leadership-problem", [NoticeEvent.ProblemRaised], Audience.Leadership),
            new("customer-problem-fixed", [NoticeEvent.ProblemFixed], Audience.Customer),
        ],
    };
}
