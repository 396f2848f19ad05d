namespace Routing.Domain;

/// <summary>A team member as assignment sees them: whether they can take work and are at work now, how much they
/// already have (<see cref="Workload"/>), and their skills.</summary>
public sealed record Candidate(string Id, bool Available, int Capacity, int OpenEscalations)
{
    /// <summary>Within their working hours (<see cref="Shift"/>).</summary>
    public bool OnShift { get; init; } = true;

    /// <summary>The open escalations weighted by severity (<see cref="Workload.Weight"/>).</summary>
    public int WeightedLoad { get; init; } = OpenEscalations;

    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Room for one more (a capacity of 0 means no limit).</summary>
    public bool HasRoom => Capacity == 0 || OpenEscalations < Capacity;

    /// <summary>The weighted open work for the member's capacity (one without a limit counts as able to hold the
    /// most a team allows, <see cref="TeamDirectory.MaxCapacity"/>).</summary>
    public double Load => (double)WeightedLoad / (Capacity == 0 ? TeamDirectory.MaxCapacity : Capacity);
}
