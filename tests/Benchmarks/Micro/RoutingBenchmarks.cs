using BenchmarkDotNet.Attributes;
using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Benchmarks.Micro;

/// <summary>Choosing who gets a case: the team from 20 routing rules (the match near the end), and the owner and
/// backup by round-robin over a team of 12 with some away and some at capacity.</summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private readonly CaseFacts _facts = new()
    {
        IssueType = IssueType.Billing,
        ProductArea = "invoices",
        Customer = new() { Id = "c-1", Name = "Initech", Tier = CustomerTier.Premium, TimeZone = "UTC" },
        Impact = new() { Scope = ImpactScope.Team },
        Urgency = new() { PaymentAffected = true },
        Context = new(),
        Tags = ["eu", "invoice"],
        SubmittedAt = DateTimeOffset.UnixEpoch,
    };

    private readonly IReadOnlyList<RoutingRule> _rules =
    [
        .. Enumerable.Range(0, 18).Select(index => new RoutingRule($"rule {index}", $"team-{index}", IssueType.Technical, ProductArea: $"area-{index}")),
        new RoutingRule("premium billing", "billing-premium", IssueType.Billing, Tier: CustomerTier.Premium, Tag: "invoice"),
        new RoutingRule("billing", "billing", IssueType.Billing),
    ];

    private readonly IReadOnlyDictionary<IssueType, string> _defaults = Enum.GetValues<IssueType>().ToDictionary(type => type, type => $"{type}-team");

    private readonly IReadOnlyList<Candidate> _team = [.. Enumerable.Range(0, 12).Select(index =>
        new Candidate($"member-{index:00}", Available: index % 4 != 0, Capacity: 5, OpenEscalations: index % 3 == 0 ? 5 : index % 5))];

    [Benchmark]
    public TeamChoice? Team_from_20_rules() => TeamSelection.Choose(_rules, _defaults, _facts, Severity.S2);

    [Benchmark]
    public Assignment Round_robin_owner_and_backup_of_12() => RoundRobin.Pick(_team, turn: 5);
}
