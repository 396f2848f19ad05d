namespace Routing.Domain;

/// <summary>Skills-match assignment: the member with the most of the case's <see cref="RequiredSkills"/> owns it,
/// ties going to the least loaded (<see cref="LeastLoaded.Rank"/>); the backup is the next in the same order, the best
/// remaining match. Nobody with any of the skills: no owner (null), and the case is unroutable with that reason.</summary>
public static class SkillsMatch
{
    public static Assignment? Pick(IReadOnlyList<Candidate> members, IReadOnlySet<string> requiredSkills)
    {
        if (members.Count < NoOwner.FewestMembers)
        {
            throw new InvalidOperationException("A team needs at least two members to name an owner and a distinct backup.");
        }

        var ranked = LeastLoaded.Rank(members).OrderByDescending(member => RequiredSkills.Overlap(requiredSkills, member.Skills)).ToList();
        return RequiredSkills.Overlap(requiredSkills, ranked[0].Skills) == 0 ? null : new(ranked[0].Id, ranked[1].Id);
    }
}
