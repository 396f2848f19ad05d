using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>A case a draft matrix is tried on: its facts, and what a person recognises it by.</summary>
public sealed record WhatIfCase(Guid EscalationId, string Key, string Title, CaseFacts Facts);

public sealed record SeverityMove(Severity From, Severity To, int Cases);

/// <summary>How many of the cases a rule fires for under the matrix in force and under the draft (a rule only one
/// of them has fires for none under the other).</summary>
public sealed record RuleEffect(string Rule, string Description, int FiresNow, int FiresInDraft);

public sealed record AffectedCustomer(string Id, string Name, int Cases);

public sealed record ChangedCase(Guid EscalationId, string Key, string Title, string Customer, Severity From, Severity To);

public sealed record WhatIfResult(
    int Cases, int Changed, IReadOnlyList<SeverityMove> Moves, IReadOnlyList<RuleEffect> Rules, IReadOnlyList<AffectedCustomer> Customers,
    IReadOnlyList<ChangedCase> Examples);

/// <summary>What a draft matrix would do to cases if it were in force: each case is assessed under both, and the
/// differences counted (SPEC section 4's "what if"). The severity compared against is what the matrix in force decides
/// for the same facts, so the result is the effect of the change alone (not of a person's earlier override).</summary>
public static class WhatIf
{
    public const int MaxExamples = 50;

    public static WhatIfResult Compare(EscalationMatrix current, EscalationMatrix draft, IReadOnlyCollection<WhatIfCase> cases)
    {
        var assessed = cases.Select(@case =>
        {
            var sheet = FactSheet.From(@case.Facts);
            return (Case: @case, Now: current.Evaluate(sheet), Draft: draft.Evaluate(sheet));
        }).ToList();
        var changed = assessed.Where(item => item.Now.Severity != item.Draft.Severity).ToList();

        var descriptions = current.Rules.Concat(draft.Rules).GroupBy(rule => rule.Id).ToDictionary(group => group.Key, group => group.Last().Description);
        var rules = descriptions.Keys
            .Select(id => new RuleEffect(id, descriptions[id],
                assessed.Count(item => item.Now.Fired.Any(rule => rule.Id == id)),
                assessed.Count(item => item.Draft.Fired.Any(rule => rule.Id == id))))
            .Where(effect => effect.FiresNow > 0 || effect.FiresInDraft > 0)
            .OrderByDescending(effect => Math.Abs(effect.FiresInDraft - effect.FiresNow)).ThenBy(effect => effect.Rule, StringComparer.Ordinal)
            .ToList();

        return new(
            assessed.Count,
            changed.Count,
            [.. changed.GroupBy(item => (From: item.Now.Severity, To: item.Draft.Severity)).OrderBy(group => group.Key.From).ThenBy(group => group.Key.To)
                .Select(group => new SeverityMove(group.Key.From, group.Key.To, group.Count()))],
            rules,
            [.. changed.GroupBy(item => item.Case.Facts.Customer.Id)
                .Select(group => new AffectedCustomer(group.Key, group.First().Case.Facts.Customer.Name, group.Count()))
                .OrderByDescending(customer => customer.Cases).ThenBy(customer => customer.Name, StringComparer.Ordinal)],
            [.. changed.Take(MaxExamples).Select(item => new ChangedCase(item.Case.EscalationId, item.Case.Key, item.Case.Title,
                item.Case.Facts.Customer.Name, item.Now.Severity, item.Draft.Severity))]);
    }
}
