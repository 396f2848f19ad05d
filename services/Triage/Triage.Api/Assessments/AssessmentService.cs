using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Api.Configuration;
using Triage.Api.Knowledge;
using Triage.Domain;
using Triage.Domain.Knowledge;

namespace Triage.Api.Assessments;

/// <summary>An assessment as triage gives it (the event it publishes for a decision) with the known errors found, which
/// carry what the frontline needs of them (workaround, status).</summary>
public sealed record TriageAssessment(EscalationAssessed Assessed, IReadOnlyList<FoundKnownError> Found);

/// <summary>Assesses a case against the tenant's matrix and checklists in force, and its knowledge base: the known errors
/// that match best, and whether the best deflects the case (<see cref="Deflection"/>). A preview changes nothing; a
/// decision is recorded and published (EscalationAssessed) through the outbox, saved by the caller's unit of work.</summary>
public sealed class AssessmentService(
    TriageDbContext db, TriageRules rules, KnowledgeSearch knowledge, TenantKnowledgeSettings knowledgeSettings, IPublishEndpoint publish, TimeProvider clock)
{
    /// <summary>An assessment that changes nothing. <paramref name="sideBySide"/>: the knowledge search's two queries at once
    /// on connections of their own, for a person waiting on the answer; intake's previews at submission come in bursts
    /// (a storm of alerts), so they run on one connection (<see cref="KnowledgeSearch.FindAsync"/>).</summary>
    public Task<TriageAssessment> PreviewAsync(string tenantId, Guid escalationId, CaseFacts facts, CancellationToken cancellationToken, bool sideBySide = true) =>
        AssessAsync(tenantId, escalationId, facts, sideBySide, cancellationToken);

    public async Task<EscalationAssessed> DecideAsync(string tenantId, Guid escalationId, CaseFacts facts, CancellationToken cancellationToken)
    {
        var assessed = (await AssessAsync(tenantId, escalationId, facts, sideBySide: false, cancellationToken)).Assessed;
        db.Assessments.Add(new AssessmentRow
        {
            TenantId = tenantId,
            EscalationId = escalationId,
            Severity = assessed.Severity,
            Rules = [.. assessed.Rules],
            Missing = [.. assessed.MissingFacts],
            Outcome = assessed.Outcome,
            MatrixVersion = assessed.MatrixVersion,
            AssessedAt = assessed.AssessedAt.UtcDateTime,
        });
        await publish.Publish(assessed, cancellationToken);
        if (assessed.Deflection is not null)
        {
            KnowledgeTelemetry.CaseDeflected(tenantId);
        }

        return assessed;
    }

    private async Task<TriageAssessment> AssessAsync(string tenantId, Guid escalationId, CaseFacts facts, bool sideBySide, CancellationToken cancellationToken)
    {
        var result = Assessor.Assess(await rules.MatrixAsync(tenantId, cancellationToken), await rules.ChecklistAsync(tenantId, cancellationToken), facts);
        var found = await SuggestionsAsync(tenantId, facts, sideBySide, cancellationToken);
        var deflection = await DeflectionAsync(tenantId, result.Severity, found, cancellationToken);
        var assessed = new EscalationAssessed
        {
            EscalationId = escalationId,
            TenantId = tenantId,
            Severity = result.Severity,
            Rules = [.. result.Fired.Select(rule => new FiredRule(rule.Id, rule.Severity, rule.Description))],
            MissingFacts = result.Missing,
            Outcome = deflection is null ? result.Outcome : AssessmentOutcome.Deflected,
            HandoffIncomplete = result.HandoffIncomplete,
            MatrixVersion = result.MatrixVersion,
            AssessedAt = clock.GetUtcNow(),
            Signals = await SignalsAsync(tenantId, facts.Customer.Id, cancellationToken),
            Suggestions = [.. found.Select(item => new KnownErrorSuggestion(item.Suggestion.ArticleId, item.Suggestion.Title, item.Suggestion.Score, item.Suggestion.Reasons))],
            Deflection = deflection,
        };
        return new(assessed, found);
    }

    /// <summary>The known errors that match the case best (<see cref="KnownErrorMatch"/>): by its first error message, and
    /// by the words of all of them and of its business impact, in its product area.</summary>
    private Task<IReadOnlyList<FoundKnownError>> SuggestionsAsync(string tenantId, CaseFacts facts, bool sideBySide, CancellationToken cancellationToken)
    {
        var messages = facts.Context.ErrorMessages.Where(message => !string.IsNullOrWhiteSpace(message)).ToList();
        var words = string.Join(' ', [.. messages.Skip(1), facts.Impact.BusinessImpact ?? ""]);
        return knowledge.FindAsync(tenantId, new KnowledgeQuery(messages.FirstOrDefault(), words, facts.ProductArea), KnownErrorMatch.MaxSuggestions,
            cancellationToken, sideBySide);
    }

    private async Task<CaseDeflection?> DeflectionAsync(string tenantId, Severity severity, IReadOnlyList<FoundKnownError> found, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return null;
        }

        var best = found[0];
        var decision = Deflection.Decide(severity, best.Suggestion, best.Workaround, await knowledgeSettings.ForAsync(tenantId, cancellationToken));
        return decision.Deflect
            ? new CaseDeflection(best.Suggestion.ArticleId, best.Suggestion.Title, best.Suggestion.Score, best.Workaround!, decision.Why)
            : null;
    }

    /// <summary>What the people on a case of this customer should know that is not a severity rule (<see cref="CaseSignals"/>).</summary>
    private async Task<IReadOnlyList<string>> SignalsAsync(string tenantId, string customerId, CancellationToken cancellationToken) =>
        CaseSignals.Of(await db.RepeatCustomers.AsNoTracking().Where(row => row.TenantId == tenantId && row.CustomerId == customerId)
            .Select(row => new RepeatCustomerFlag(row.CustomerName, row.Escalations, row.WindowDays, new DateTimeOffset(row.At, TimeSpan.Zero)))
            .FirstOrDefaultAsync(cancellationToken), clock.GetUtcNow());
}
