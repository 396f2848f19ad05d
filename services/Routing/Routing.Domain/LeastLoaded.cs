namespace Routing.Domain;

/// <summary>Least-loaded assignment: members with room before members at capacity, then the lightest weighted work
/// for their capacity (<see cref="Candidate.Load"/>), then the fewest open cases, then by id, so that the same
/// workloads always give the same answer. The owner is the first, the backup the second.</summary>
public static class LeastLoaded
{
    public static Assignment Pick(IReadOnlyList<Candidate> members)
    {
        if (members.Count < NoOwner.FewestMembers)
        {
            throw new InvalidOperationException("A team needs at least two members to name an owner and a distinct backup.");
        }

        var order = Rank(members).ToList();
        return new(order[0].Id, order[1].Id);
    }

    public static IOrderedEnumerable<Candidate> Rank(IEnumerable<Candidate> members) =>
        members.OrderByDescending(member => member.HasRoom)
            .ThenBy(member => member.Load)
            .ThenBy(member => member.OpenEscalations)
            .ThenBy(member => member.Id, StringComparer.Ordinal);
}
