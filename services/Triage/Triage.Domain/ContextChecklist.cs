using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>The facts a case of each issue type must carry before it is worth an engineer's time (SPEC §4).</summary>
public static class ContextChecklist
{
    private sealed record Item(string Id, string Description, Func<CaseFacts, bool> Present);

    private static readonly Item AccountId = new("account-id", "the affected account id", facts => facts.Context.AccountIds.Count > 0);
    private static readonly Item Error = new("error", "the error the user sees", facts => facts.Context.ErrorMessages.Count > 0);

    private static readonly IReadOnlyDictionary<IssueType, Item[]> Items = new Dictionary<IssueType, Item[]>
    {
        [IssueType.Technical] =
        [
            new("error-or-logs", "an error message or logs", facts => facts.Context.ErrorMessages.Count > 0 || facts.Context.LogLinks.Count > 0),
            new("reproduction-steps", "steps to reproduce", facts => !string.IsNullOrWhiteSpace(facts.Context.ReproductionSteps)),
            new("affected-service", "the affected service", facts => facts.Context.AffectedServices.Count > 0),
            new("first-seen", "when it was first seen", facts => facts.Context.FirstSeenAt is not null),
            new("impact-scope", "the impact scope", facts => facts.Impact.Scope is not null),
        ],
        [IssueType.Access] =
        [
            AccountId,
            new("attempted", "what the user attempted", facts => !string.IsNullOrWhiteSpace(facts.Context.Attempted)),
            Error,
            new("mfa-involved", "whether MFA is involved", facts => facts.Context.MfaInvolved is not null),
        ],
        [IssueType.Billing] =
        [
            AccountId,
            new("invoice-or-transaction", "the invoice or transaction id", facts => !string.IsNullOrWhiteSpace(facts.Context.InvoiceOrTransactionId)),
            new("amount", "the amount", facts => facts.Context.Amount is not null),
        ],
        [IssueType.Security] =
        [
            new("affected-accounts", "the affected accounts", facts => facts.Context.AffectedAccounts.Count > 0),
            new("observed", "what was observed", facts => !string.IsNullOrWhiteSpace(facts.Context.Observed)),
            new("detected-at", "when it was detected", facts => facts.Context.DetectedAt is not null),
        ],
        [IssueType.Legal] =
        [
            new("deadline", "the deadline", facts => facts.Urgency.Deadline is not null),
            new("counterparty-or-document", "the counterparty or document", facts => !string.IsNullOrWhiteSpace(facts.Context.CounterpartyOrDocument)),
        ],
        [IssueType.Other] = [],
    };

    /// <summary>What a case of the type must carry, in the order a person fills it in (the portal's form asks for these).</summary>
    public static IReadOnlyList<MissingFact> For(IssueType issueType) =>
        [.. Items[issueType].Select(item => new MissingFact(item.Id, item.Description))];

    public static IReadOnlyList<MissingFact> Missing(CaseFacts facts) =>
        [.. Items[facts.IssueType].Where(item => !item.Present(facts)).Select(item => new MissingFact(item.Id, item.Description))];
}
