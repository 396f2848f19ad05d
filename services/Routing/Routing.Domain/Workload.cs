using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>The open escalations a member owns: how many, and their weight, a severe case counting more than a minor
/// one (S1 4, S2 3, S3 2, S4 1).</summary>
public sealed record Workload(int Open, int Weighted)
{
    public static readonly Workload None = new(0, 0);

    public static int Weight(Severity severity) => severity switch
    {
        Severity.S1 => 4,
        Severity.S2 => 3,
        Severity.S3 => 2,
        _ => 1,
    };

    /// <summary>The workload of the open escalations of the given severities.</summary>
    public static Workload Of(IEnumerable<Severity> open)
    {
        var severities = open.ToList();
        return new(severities.Count, severities.Sum(Weight));
    }
}
