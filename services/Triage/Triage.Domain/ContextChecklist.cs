using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>One fact a case must carry: given when any of <see cref="AnyOf"/> is (logs stand in for an error message).</summary>
public sealed record ChecklistItem(string Id, string Description, IReadOnlyList<string> AnyOf)
{
    public bool IsGiven(CaseFacts facts) => AnyOf.Any(fact => CaseEvidence.Known[fact](facts));
}

/// <summary>The facts a case of each issue type must carry before it is worth an engineer's time (SPEC §4): tenant data,
/// versioned like the matrix. An issue type it does not list requires nothing.</summary>
public sealed record ContextChecklist(IReadOnlyDictionary<IssueType, IReadOnlyList<ChecklistItem>> Items)
{
    private static readonly ChecklistItem AccountId = new("account-id", "the affected account id", ["context.accountIds"]);
    private static readonly ChecklistItem Error = new("error", "the error the user sees", ["context.errorMessages"]);

    /// <summary>SPEC §4's checklists, the first version every tenant starts from.</summary>
    public static readonly ContextChecklist Default = new(new Dictionary<IssueType, IReadOnlyList<ChecklistItem>>
    {
        [IssueType.Technical] =
        [
            new("error-or-logs", "an error message or logs", ["context.errorMessages", "context.logLinks"]),
            new("reproduction-steps", "steps to reproduce", ["context.reproductionSteps"]),
            new("affected-service", "the affected service", ["context.affectedServices"]),
            new("first-seen", "when it was first seen", ["context.firstSeenAt"]),
            new("impact-scope", "the impact scope", ["impact.scope"]),
        ],
        [IssueType.Access] =
        [
            AccountId,
            new("attempted", "what the user attempted", ["context.attempted"]),
            Error,
            new("mfa-involved", "whether MFA is involved", ["context.mfaInvolved"]),
        ],
        [IssueType.Billing] =
        [
            AccountId,
            new("invoice-or-transaction", "the invoice or transaction id", ["context.invoiceOrTransactionId"]),
            new("amount", "the amount", ["context.amount"]),
        ],
        [IssueType.Security] =
        [
            new("affected-accounts", "the affected accounts", ["context.affectedAccounts"]),
            new("observed", "what was observed", ["context.observed"]),
            new("detected-at", "when it was detected", ["context.detectedAt"]),
        ],
        [IssueType.Legal] =
        [
            new("deadline", "the deadline", ["urgency.deadline"]),
            new("counterparty-or-document", "the counterparty or document", ["context.counterpartyOrDocument"]),
        ],
        [IssueType.Other] = [],
    });

    /// <summary>What a case of the type must carry, in the order a person fills it in (the portal's form asks for these).</summary>
    public IReadOnlyList<ChecklistItem> For(IssueType issueType) => Items.TryGetValue(issueType, out var items) ? items : [];

    public IReadOnlyList<MissingFact> Missing(CaseFacts facts) =>
        [.. For(facts.IssueType).Where(item => !item.IsGiven(facts)).Select(item => new MissingFact(item.Id, item.Description))];
}

/// <summary>What a checklist must be before it is published. Problems are keyed by field path
/// (issueTypes.technical[2].anyOf).</summary>
public static partial class ChecklistRules
{
    public const int MaxItems = 30;
    public const int MaxDescription = 200;
    public const int MaxFacts = 10;

    public static IReadOnlyList<(string Field, string Message)> Check(ContextChecklist checklist)
    {
        var problems = new List<(string, string)>();
        foreach (var (issueType, items) in checklist.Items)
        {
            var path = $"issueTypes.{Wire.Name(issueType)}";
            if (items.Count > MaxItems)
            {
                problems.Add((path, $"at most {MaxItems} items"));
            }

            foreach (var (item, index) in items.Select((item, index) => (item, index)))
            {
                var at = $"{path}[{index}]";
                if (!ItemId().IsMatch(item.Id))
                {
                    problems.Add(($"{at}.id", "lowercase letters, digits and dashes, 1 to 64 characters"));
                }
                else if (items.Take(index).Any(earlier => earlier.Id == item.Id))
                {
                    problems.Add(($"{at}.id", $"'{item.Id}' is used by an earlier item of {Wire.Name(issueType)}"));
                }

                if (string.IsNullOrWhiteSpace(item.Description) || item.Description.Length > MaxDescription || item.Description.Contains('\0'))
                {
                    problems.Add(($"{at}.description", $"required, at most {MaxDescription} characters: what the case must say"));
                }

                if (item.AnyOf.Count is 0 or > MaxFacts)
                {
                    problems.Add(($"{at}.anyOf", $"1 to {MaxFacts} facts, any of which satisfies the item"));
                }

                foreach (var fact in item.AnyOf.Where(fact => !CaseEvidence.Known.ContainsKey(fact)).Distinct())
                {
                    problems.Add(($"{at}.anyOf", $"unknown fact '{(fact.Length > 64 ? fact[..64] : fact)}' (known: {string.Join(", ", CaseEvidence.Known.Keys)})"));
                }
            }
        }

        return problems;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex ItemId();
}
