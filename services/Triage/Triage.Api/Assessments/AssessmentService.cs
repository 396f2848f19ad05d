using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Api.Configuration;
using Triage.Api.Knowledge;
using Triage.Domain;

namespace Triage.Api.Assessments;

/// <summary>Assesses a case against the tenant's matrix and checklists in force. A preview changes nothing; a decision is
/// recorded and published (EscalationAssessed) through the outbox, saved by the caller's unit of work.</summary>
public sealed class AssessmentService(TriageDbContext db, TriageRules rules, KnowledgeSearch knowledge, IPublishEndpoint publish, TimeProvider clock)
{
    public async Task<AssessmentResult> PreviewAsync(string tenantId, CaseFacts facts, CancellationToken cancellationToken) =>
        Assessor.Assess(await rules.MatrixAsync(tenantId, cancellationToken), await rules.ChecklistAsync(tenantId, cancellationToken), facts);

    public async Task<EscalationAssessed> DecideAsync(string tenantId, Guid escalationId, CaseFacts facts, CancellationToken cancellationToken)
    {
        var result = await PreviewAsync(tenantId, facts, cancellationToken);
        var assessed = new EscalationAssessed
        {
            EscalationId = escalationId,
            TenantId = tenantId,
            Severity = result.Severity,
            Rules = [.. result.Fired.Select(rule => new FiredRule(rule.Id, rule.Severity, rule.Description))],
            MissingFacts = result.Missing,
            Outcome = result.Outcome,
            HandoffIncomplete = result.HandoffIncomplete,
            MatrixVersion = result.MatrixVersion,
            AssessedAt = clock.GetUtcNow(),
            Signals = await SignalsAsync(tenantId, facts.Customer.Id, cancellationToken),
        };
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
        return assessed;
    }

    /// <summary>The known errors that match the case best (<see cref="Domain.Knowledge.KnownErrorMatch"/>): by its first error
    /// message, and by the words of all of them and of its business impact, in its product area.</summary>
    public Task<IReadOnlyList<FoundKnownError>> SuggestionsAsync(string tenantId, CaseFacts facts, CancellationToken cancellationToken)
    {
        var messages = facts.Context.ErrorMessages.Where(message => !string.IsNullOrWhiteSpace(message)).ToList();
        var words = string.Join(' ', [.. messages.Skip(1), facts.Impact.BusinessImpact ?? ""]);
        return knowledge.FindAsync(tenantId, new KnowledgeQuery(messages.FirstOrDefault(), words, facts.ProductArea),
            Domain.Knowledge.KnownErrorMatch.MaxSuggestions, cancellationToken);
    }

    /// <summary>What the people on a case of this customer should know that is not a severity rule (<see cref="CaseSignals"/>).</summary>
    public async Task<IReadOnlyList<string>> SignalsAsync(string tenantId, string customerId, CancellationToken cancellationToken) =>
        CaseSignals.Of(await db.RepeatCustomers.AsNoTracking().Where(row => row.TenantId == tenantId && row.CustomerId == customerId)
            .Select(row => new RepeatCustomerFlag(row.CustomerName, row.Escalations, row.WindowDays, new DateTimeOffset(row.At, TimeSpan.Zero)))
            .FirstOrDefaultAsync(cancellationToken), clock.GetUtcNow());
}
