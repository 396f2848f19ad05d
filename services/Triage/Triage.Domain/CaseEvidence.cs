using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>The facts of a case a checklist can require, by the name the API gives them ("context.errorMessages"), and
/// when each counts as given: a text that is not blank, a list with an item, a date, a number, or a yes or no.</summary>
public static class CaseEvidence
{
    public static readonly IReadOnlyDictionary<string, Func<CaseFacts, bool>> Known = new Dictionary<string, Func<CaseFacts, bool>>(StringComparer.Ordinal)
    {
        ["context.errorMessages"] = facts => facts.Context.ErrorMessages.Count > 0,
        ["context.logLinks"] = facts => facts.Context.LogLinks.Count > 0,
        ["context.screenshotLinks"] = facts => facts.Context.ScreenshotLinks.Count > 0,
        ["context.accountIds"] = facts => facts.Context.AccountIds.Count > 0,
        ["context.reproductionSteps"] = facts => !string.IsNullOrWhiteSpace(facts.Context.ReproductionSteps),
        ["context.affectedServices"] = facts => facts.Context.AffectedServices.Count > 0,
        ["context.firstSeenAt"] = facts => facts.Context.FirstSeenAt is not null,
        ["context.recentChanges"] = facts => !string.IsNullOrWhiteSpace(facts.Context.RecentChanges),
        ["context.attempted"] = facts => !string.IsNullOrWhiteSpace(facts.Context.Attempted),
        ["context.mfaInvolved"] = facts => facts.Context.MfaInvolved is not null,
        ["context.invoiceOrTransactionId"] = facts => !string.IsNullOrWhiteSpace(facts.Context.InvoiceOrTransactionId),
        ["context.amount"] = facts => facts.Context.Amount is not null,
        ["context.affectedAccounts"] = facts => facts.Context.AffectedAccounts.Count > 0,
        ["context.observed"] = facts => !string.IsNullOrWhiteSpace(facts.Context.Observed),
        ["context.detectedAt"] = facts => facts.Context.DetectedAt is not null,
        ["context.counterpartyOrDocument"] = facts => !string.IsNullOrWhiteSpace(facts.Context.CounterpartyOrDocument),
        ["impact.scope"] = facts => facts.Impact.Scope is not null,
        ["impact.affectedCount"] = facts => facts.Impact.AffectedCount is not null,
        ["urgency.deadline"] = facts => facts.Urgency.Deadline is not null,
        ["urgency.workaroundAvailable"] = facts => facts.Urgency.WorkaroundAvailable is not null,
        ["productArea"] = facts => !string.IsNullOrWhiteSpace(facts.ProductArea),
    };
}
