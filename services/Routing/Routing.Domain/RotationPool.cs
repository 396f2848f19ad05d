namespace Routing.Domain;

/// <summary>A team member as the team's records hold them: whether they take work now, and how much they can hold
/// (a capacity of 0 means no limit).</summary>
public sealed record TeamMember(string Id, bool Available, int Capacity);

/// <summary>Who takes turns at owning a team's escalations: every member but the team lead, who stands at the top
/// of the ladder instead. Each member counts the escalations they own that are still open (offered or accepted)
/// against their capacity; <see cref="RoundRobin"/> picks owner and backup from the candidates.</summary>
public sealed record RotationPool(IReadOnlyList<TeamMember> Members)
{
    /// <summary>The states (of an offer) in which an escalation counts against its owner's capacity: offered and not
    /// yet answered, or accepted; one finished or never routed does not.</summary>
    public static readonly IReadOnlyList<string> OpenStates = ["Offered", "Accepted"];

    /// <summary>The team without its lead (a team without a lead rotates everyone).</summary>
    public static RotationPool Of(IEnumerable<TeamMember> team, string? leadId) => new([.. team.Where(member => member.Id != leadId)]);

    public IReadOnlyList<string> MemberIds => [.. Members.Select(member => member.Id)];

    /// <summary>Whether the pool can name an owner and a distinct backup at all (<see cref="NoOwner.TooFewMembers"/>).</summary>
    public bool CanStaff => Members.Count >= NoOwner.FewestMembers;

    /// <summary>The members with the open escalations each owns (none, for a member missing from the counts).</summary>
    public IReadOnlyList<Candidate> Candidates(IReadOnlyDictionary<string, int> openEscalations) =>
        [.. Members.Select(member => new Candidate(member.Id, member.Available, member.Capacity, openEscalations.GetValueOrDefault(member.Id)))];

    /// <summary>Owner and backup for the escalation that took the team's turn number <paramref name="turn"/>.</summary>
    public Assignment Pick(IReadOnlyDictionary<string, int> openEscalations, long turn) =>
        RoundRobin.Pick(Candidates(openEscalations), turn);
}
