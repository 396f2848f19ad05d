using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>Urgency signals given later: each one given replaces the old value, one not given keeps it.</summary>
public sealed record UrgencySignals(
    bool? WorkaroundAvailable = null, DateTimeOffset? Deadline = null, bool? Outage = null, bool? SecurityExposure = null, bool? DataExposure = null,
    bool? ComplianceRisk = null, bool? PaymentAffected = null);

/// <summary>Facts added to a submitted case: context and impact as facts (an empty list or an unknown value adds
/// nothing), urgency as signals, and further actions taken.</summary>
public sealed record FactsAdded(ContextFacts? Context = null, ImpactFacts? Impact = null, UrgencySignals? Urgency = null, IReadOnlyList<string>? ActionsTaken = null)
{
    /// <summary>What was added, in words: "context", "impact", "urgency", "actions taken".</summary>
    public IEnumerable<string> Parts =>
        new[] { ("context", Context is not null), ("impact", Impact is not null), ("urgency", Urgency is not null), ("actions taken", ActionsTaken is not null) }
            .Where(part => part.Item2).Select(part => part.Item1);
}

/// <summary>How facts added later join the facts a case has: lists grow without repeats, values given replace the old
/// ones, the actions taken are appended; no list grows past <see cref="MaxItems"/>.</summary>
public static class CaseFactsMerge
{
    public const int MaxItems = 50;

    public static CaseFacts Merge(CaseFacts facts, FactsAdded added) => facts with
    {
        Context = added.Context is null ? facts.Context : Merge(facts.Context, added.Context),
        Impact = added.Impact is null ? facts.Impact : Merge(facts.Impact, added.Impact),
        Urgency = added.Urgency is null ? facts.Urgency : Merge(facts.Urgency, added.Urgency),
        ActionsTaken = added.ActionsTaken is null ? facts.ActionsTaken : [.. facts.ActionsTaken.Concat(added.ActionsTaken).Take(MaxItems)],
    };

    public static ImpactFacts Merge(ImpactFacts facts, ImpactFacts added) => new()
    {
        Scope = added.Scope ?? facts.Scope,
        AffectedCount = added.AffectedCount ?? facts.AffectedCount,
        BusinessImpact = added.BusinessImpact ?? facts.BusinessImpact,
    };

    public static UrgencyFacts Merge(UrgencyFacts facts, UrgencySignals added) => new()
    {
        WorkaroundAvailable = added.WorkaroundAvailable ?? facts.WorkaroundAvailable,
        Deadline = added.Deadline ?? facts.Deadline,
        Outage = added.Outage ?? facts.Outage,
        SecurityExposure = added.SecurityExposure ?? facts.SecurityExposure,
        DataExposure = added.DataExposure ?? facts.DataExposure,
        ComplianceRisk = added.ComplianceRisk ?? facts.ComplianceRisk,
        PaymentAffected = added.PaymentAffected ?? facts.PaymentAffected,
    };

    public static ContextFacts Merge(ContextFacts facts, ContextFacts added) => new()
    {
        ErrorMessages = Union(facts.ErrorMessages, added.ErrorMessages),
        LogLinks = Union(facts.LogLinks, added.LogLinks),
        ScreenshotLinks = Union(facts.ScreenshotLinks, added.ScreenshotLinks),
        AccountIds = Union(facts.AccountIds, added.AccountIds),
        ReproductionSteps = added.ReproductionSteps ?? facts.ReproductionSteps,
        AffectedServices = Union(facts.AffectedServices, added.AffectedServices),
        FirstSeenAt = added.FirstSeenAt ?? facts.FirstSeenAt,
        RecentChanges = added.RecentChanges ?? facts.RecentChanges,
        Attempted = added.Attempted ?? facts.Attempted,
        MfaInvolved = added.MfaInvolved ?? facts.MfaInvolved,
        InvoiceOrTransactionId = added.InvoiceOrTransactionId ?? facts.InvoiceOrTransactionId,
        Amount = added.Amount ?? facts.Amount,
        Currency = added.Currency ?? facts.Currency,
        AffectedAccounts = Union(facts.AffectedAccounts, added.AffectedAccounts),
        Observed = added.Observed ?? facts.Observed,
        DetectedAt = added.DetectedAt ?? facts.DetectedAt,
        CounterpartyOrDocument = added.CounterpartyOrDocument ?? facts.CounterpartyOrDocument,
    };

    private static IReadOnlyList<string> Union(IReadOnlyList<string> existing, IReadOnlyList<string> added) =>
        added.Count == 0 ? existing : [.. existing.Concat(added).Distinct(StringComparer.Ordinal).Take(MaxItems)];
}
