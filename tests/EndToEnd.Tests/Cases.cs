namespace EndToEnd.Tests;

/// <summary>Submissions as frontline would send them.</summary>
public static class Cases
{
    /// <summary>Another tenant's invoices visible to a strategic customer: S1 by the security rule, complete for the security checklist.</summary>
    public static object SecurityIncident(string customerId = "acme", string? contactEmail = null, string title = "Invoices of another company visible in the billing page") => new
    {
        title,
        description = "The customer's finance team sees invoices that are not theirs.",
        issueType = "security",
        customer = new { id = customerId, contactEmail },
        impact = new { scope = "organisation", affectedCount = 300 },
        urgency = new { securityExposure = true, dataExposure = true },
        sentiment = "angry",
        context = new
        {
            affectedAccounts = new[] { $"{customerId}-finance" },
            observed = "invoices of another tenant listed under Billing > Invoices",
            detectedAt = DateTimeOffset.UtcNow.AddMinutes(-20),
        },
    };

    /// <summary>A question of a kind with no checklist ("other": triaged at once), for a customer the tenant's directory
    /// does not know yet (so it works in a tenant nobody seeded).</summary>
    public static object FirstCase(string title = "The first case of a new tenant") => new
    {
        title,
        issueType = "other",
        customer = new { id = "first-customer", name = "First Customer", tier = "standard", timeZone = "Europe/Vienna" },
        impact = new { scope = "single-user", affectedCount = 1 },
        urgency = new { workaroundAvailable = true },
    };

    /// <summary>A technical case for one team with a workaround: S3, complete for the technical checklist.</summary>
    public static object TeamProblem(string customerId = "initech", string? contactEmail = null) => new
    {
        title = "Exports time out for the reporting team",
        issueType = "technical",
        customer = new { id = customerId, contactEmail },
        impact = new { scope = "team", affectedCount = 12 },
        urgency = new { workaroundAvailable = true },
        context = new
        {
            errorMessages = new[] { "504 Gateway Timeout" },
            reproductionSteps = "Reports > Export > CSV for a year of data",
            affectedServices = new[] { "reporting" },
            firstSeenAt = DateTimeOffset.UtcNow.AddDays(-1),
        },
    };

    /// <summary>A team's technical problem for a tenant without a customer directory (the customer is described in full):
    /// S2 by the default matrix without a workaround (a team blocked), S3 with one (a team degraded).</summary>
    public static object TeamBlocked(string customerId, bool workaround = false) => new
    {
        title = $"Exports {(workaround ? "slow" : "blocked")} for {customerId}",
        issueType = "technical",
        customer = new { id = customerId, name = customerId, tier = "standard", timeZone = "UTC" },
        impact = new { scope = "team", affectedCount = 12 },
        urgency = new { workaroundAvailable = workaround },
        context = new
        {
            errorMessages = new[] { "504 Gateway Timeout" },
            reproductionSteps = "Reports > Export > CSV",
            affectedServices = new[] { "reporting" },
            firstSeenAt = DateTimeOffset.UtcNow.AddHours(-1),
        },
    };

    /// <summary>The same technical problem without the facts the technical checklist requires.</summary>
    public static object TeamProblemWithoutFacts(string customerId = "initech") => new
    {
        title = "Exports fail",
        issueType = "technical",
        customer = new { id = customerId },
        impact = new { scope = "team" },
        urgency = new { workaroundAvailable = true },
    };
}
