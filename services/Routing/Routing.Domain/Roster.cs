namespace Routing.Domain;

/// <summary>A team member as assignment sees them: whether they can take work, and how much they already have.</summary>
public sealed record Candidate(string Id, bool Available, int Capacity, int OpenEscalations)
{
    /// <summary>Room for one more (a capacity of 0 means no limit).</summary>
    public bool HasRoom => Capacity == 0 || OpenEscalations < Capacity;
}
