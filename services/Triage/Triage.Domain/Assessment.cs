using EscalationPlatform.Contracts;

namespace Triage.Domain;

public sealed record AssessmentResult(
    Severity Severity,
    IReadOnlyList<MatrixRule> Fired,
    IReadOnlyList<MissingFact> Missing,
    AssessmentOutcome Outcome,
    bool HandoffIncomplete,
    int MatrixVersion);

public static class Assessor
{
    /// <summary>The matrix decides severity; the checklist decides whether the case can move on. Missing facts
    /// hold a case in NeedsInformation, except an S1, which is routed at once and flagged "handoff incomplete".</summary>
    public static AssessmentResult Assess(EscalationMatrix matrix, ContextChecklist checklist, CaseFacts facts)
    {
        var decision = matrix.Evaluate(FactSheet.From(facts));
        var missing = checklist.Missing(facts);
        var critical = decision.Severity == Severity.S1;
        return new(
            decision.Severity,
            decision.Fired,
            missing,
            missing.Count > 0 && !critical ? AssessmentOutcome.NeedsInformation : AssessmentOutcome.Triaged,
            missing.Count > 0 && critical,
            matrix.Version);
    }
}
