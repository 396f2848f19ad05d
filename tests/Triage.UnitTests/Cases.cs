using EscalationPlatform.Contracts;

namespace Triage.UnitTests;

/// <summary>Case facts for tests: a complete technical case from a standard customer, to vary one thing at a time.</summary>
internal static class Cases
{
    public static readonly DateTimeOffset Submitted = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    public static CaseFacts Technical(
        ImpactScope? scope = ImpactScope.SingleUser,
        bool? workaround = true,
        CustomerTier tier = CustomerTier.Standard,
        IssueType issueType = IssueType.Technical,
        Sentiment? sentiment = null,
        Func<UrgencyFacts, UrgencyFacts>? urgency = null,
        Func<ContextFacts, ContextFacts>? context = null) => new()
        {
            IssueType = issueType,
            ProductArea = "reports",
            Customer = new() { Id = "c-1", Name = "Initech", Tier = tier, TimeZone = "Europe/Berlin" },
            Impact = new() { Scope = scope, AffectedCount = 1 },
            Urgency = (urgency ?? (u => u))(new() { WorkaroundAvailable = workaround }),
            Sentiment = sentiment,
            Context = (context ?? (c => c))(CompleteTechnicalContext),
            SubmittedAt = Submitted,
        };

    public static readonly ContextFacts CompleteTechnicalContext = new()
    {
        ErrorMessages = ["HTTP 500 on /reports/export"],
        ReproductionSteps = "Open reports, export as CSV",
        AffectedServices = ["reports"],
        FirstSeenAt = Submitted.AddHours(-2),
    };
}
