using BenchmarkDotNet.Attributes;
using EscalationPlatform.Contracts;
using Triage.Domain;

namespace Benchmarks.Micro;

/// <summary>Deciding a severity: the default matrix over a case's fact sheet, and the whole assessment (matrix and
/// context checklist) that triage runs per escalation.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly EscalationMatrix _matrix = DefaultMatrix.Create();
    private CaseFacts _facts = null!;
    private FactSheet _sheet = null!;

    [Params("S1 outage", "S3 single user", "legal deadline")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _facts = Case switch
        {
            "S1 outage" => Facts(IssueType.Technical, ImpactScope.ManyCustomers, new UrgencyFacts { WorkaroundAvailable = false, Outage = true }),
            "S3 single user" => Facts(IssueType.Technical, ImpactScope.SingleUser, new UrgencyFacts { WorkaroundAvailable = false }),
            _ => Facts(IssueType.Legal, ImpactScope.Team, new UrgencyFacts { Deadline = Submitted.AddHours(30) }),
        };
        _sheet = FactSheet.From(_facts);
    }

    [Benchmark]
    public MatrixDecision Matrix_evaluation() => _matrix.Evaluate(_sheet);

    [Benchmark]
    public AssessmentResult Assessment_with_fact_sheet_and_checklist() => Assessor.Assess(_matrix, ContextChecklist.Default, _facts);

    private static CaseFacts Facts(IssueType issueType, ImpactScope scope, UrgencyFacts urgency) => new()
    {
        IssueType = issueType,
        ProductArea = "reports",
        Customer = new() { Id = "c-1", Name = "Initech", Tier = CustomerTier.Premium, TimeZone = "Europe/Berlin" },
        Impact = new() { Scope = scope, AffectedCount = 40 },
        Urgency = urgency,
        Context = new()
        {
            ErrorMessages = ["HTTP 500 on /reports/export"],
            ReproductionSteps = "Open reports, export as CSV",
            AffectedServices = ["reports"],
            FirstSeenAt = Submitted.AddHours(-2),
            CounterpartyOrDocument = "MSA 2026",
        },
        SubmittedAt = Submitted,
    };
}
