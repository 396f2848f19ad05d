namespace Routing.Domain;

public sealed record Assignment(string OwnerId, string BackupId);

/// <summary>Round-robin over a team: each assignment takes the team's next turn number, the owner is the member of
/// that turn and the backup the member of the turn after, never the same person. Members who are away are left out
/// of the rotation; so are members at their capacity, unless everyone available is, in which case the turn alone
/// decides (work is never refused).</summary>
public static class RoundRobin
{
    public static Assignment Pick(IReadOnlyList<Candidate> members, long turn)
    {
        if (members.Count < 2)
        {
            throw new InvalidOperationException("A team needs at least two members to name an owner and a distinct backup.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(turn);
        var order = members.OrderBy(member => member.Id, StringComparer.Ordinal).ToList();
        var available = order.Where(member => member.Available).ToList();
        var rotation = available.Count(member => member.HasRoom) >= 2 ? available.Where(member => member.HasRoom).ToList()
            : available.Count >= 2 ? available
            : order;

        var owner = (int)(turn % rotation.Count);
        return new(rotation[owner].Id, rotation[(owner + 1) % rotation.Count].Id);
    }
}
