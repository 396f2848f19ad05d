namespace Routing.Domain;

public sealed record Assignment(string OwnerId, string BackupId);

/// <summary>Round-robin over a team: the owner is the next member after the last one assigned, the backup the
/// next one after the owner, never the same person. Members who are away are skipped; so are members at their
/// capacity, unless everyone available is, in which case the turn order alone decides (work is never refused).</summary>
public static class RoundRobin
{
    public static Assignment Pick(IReadOnlyList<Candidate> members, string? lastAssignedId)
    {
        if (members.Count < 2)
        {
            throw new InvalidOperationException("A team needs at least two members to name an owner and a distinct backup.");
        }

        var order = members.OrderBy(member => member.Id, StringComparer.Ordinal).ToList();
        var available = order.Where(member => member.Available).ToList();
        var pool = available.Count(member => member.HasRoom) >= 2 ? available.Where(member => member.HasRoom).ToList()
            : available.Count >= 2 ? available
            : order;

        var owner = NextAfter(pool, order, lastAssignedId);
        var backup = NextAfter(pool.Where(member => member.Id != owner.Id).ToList(), order, owner.Id);
        return new(owner.Id, backup.Id);
    }

    /// <summary>The first member of the pool that comes after <paramref name="afterId"/> in the team's turn order, wrapping around.</summary>
    private static Candidate NextAfter(List<Candidate> pool, List<Candidate> order, string? afterId)
    {
        var start = afterId is null ? -1 : order.FindIndex(member => member.Id == afterId);
        for (var step = 1; step <= order.Count; step++)
        {
            var candidate = order[(start + step + order.Count) % order.Count];
            if (pool.Any(member => member.Id == candidate.Id))
            {
                return candidate;
            }
        }

        return pool[0];
    }
}
