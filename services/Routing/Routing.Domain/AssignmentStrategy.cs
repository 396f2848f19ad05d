namespace Routing.Domain;

/// <summary>How a team chooses the owner and backup of a case (a team's <c>strategy</c>: "round-robin",
/// "least-loaded", "skills-match").</summary>
public enum AssignmentStrategy
{
    /// <summary>Members take turns (<see cref="RoundRobin"/>).</summary>
    RoundRobin,

    /// <summary>The members with the least open work for their capacity, counting a severe case more than a minor one
    /// (<see cref="Workload"/>).</summary>
    LeastLoaded,

    /// <summary>The members with the most of the skills the case needs (<see cref="RequiredSkills"/>), then the least loaded.</summary>
    SkillsMatch,
}
