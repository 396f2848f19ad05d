namespace Routing.Domain;

/// <summary>A team member as the team's records hold them: whether they take work now (not on leave), whether they
/// are within their working hours, how much they can hold (a capacity of 0 means no limit) and their skills.</summary>
public sealed record TeamMember(string Id, bool Available, int Capacity)
{
    public bool OnShift { get; init; } = true;

    public IReadOnlyList<string> Skills { get; init; } = [];
}

/// <summary>Who can own a team's escalations: every member but the team lead, who stands at the top of the ladder
/// instead. <see cref="Staff"/> names owner and backup by the team's <see cref="AssignmentStrategy"/>, or says why
/// nobody can be named.</summary>
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

    /// <summary>The members with the open work each owns (none, for a member missing from the workloads).</summary>
    public IReadOnlyList<Candidate> Candidates(IReadOnlyDictionary<string, Workload> workloads) =>
    [
        .. Members.Select(member =>
        {
            var workload = workloads.GetValueOrDefault(member.Id, Workload.None);
            return new Candidate(member.Id, member.Available, member.Capacity, workload.Open)
            {
                OnShift = member.OnShift,
                WeightedLoad = workload.Weighted,
                Skills = member.Skills,
            };
        }),
    ];

    /// <summary>Owner and a distinct backup. Members on leave are never named; members off shift are passed over
    /// while at least two are on shift (after hours everyone not on leave is a candidate, so a case still gets an
    /// owner for the morning). Round-robin uses the team's <paramref name="turn"/>; the other strategies ignore it.</summary>
    public Staffing Staff(AssignmentStrategy strategy, IReadOnlyDictionary<string, Workload> workloads, IReadOnlySet<string> requiredSkills, string teamName, long turn)
    {
        var available = Candidates(workloads).Where(member => member.Available).ToList();
        if (available.Count < NoOwner.FewestMembers)
        {
            return Staffing.Nobody(NoOwner.TooFewAvailable(teamName, available.Count));
        }

        var onShift = available.Where(member => member.OnShift).ToList();
        var afterHours = onShift.Count < NoOwner.FewestMembers;
        var candidates = afterHours ? available : onShift;
        var staffing = strategy switch
        {
            AssignmentStrategy.LeastLoaded => Staffing.Named(LeastLoaded.Pick(candidates), $"least loaded in {teamName}"),
            AssignmentStrategy.SkillsMatch => SkillsMatch.Pick(candidates, requiredSkills) is { } match
                ? Staffing.Named(match, $"best skills match in {teamName}")
                : Staffing.Nobody(NoOwner.NoSkills(teamName, requiredSkills)),
            _ => Staffing.Named(RoundRobin.Pick(candidates, turn), $"round-robin turn in {teamName}"),
        };
        return staffing with { AfterHours = afterHours };
    }
}

/// <summary>The outcome of staffing a case: owner and backup and how they were chosen ("least loaded in Billing"),
/// or why nobody can be named; and whether it was after hours for the team.</summary>
public sealed record Staffing(Assignment? Assignment, string Reason)
{
    /// <summary>Fewer than two members were on shift (<see cref="OnCallFirst"/>).</summary>
    public bool AfterHours { get; init; }

    public static Staffing Named(Assignment assignment, string how) => new(assignment, how);

    public static Staffing Nobody(string why) => new(null, why);
}
