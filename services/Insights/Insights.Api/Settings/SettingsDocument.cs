using EscalationPlatform.Web.Configuration;
using Insights.Api.Data;
using Insights.Domain;

namespace Insights.Api.Settings;

/// <summary>A tenant's insight thresholds (<see cref="InsightSettings"/>) as a versioned document: bounce, repeat
/// customer, too-late and stall thresholds. A new version applies to cases as they change; a rebuild applies it to all.</summary>
public sealed class SettingsDocument() : SettingsDocument<InsightSettings>("insight-settings", "insight settings", InsightSettings.Default,
    "bounceAfter, repeatEscalations, repeatWindowDays, tooLateActions, tooLatePercent and stallHours", settings => settings.Problems())
{
    public static readonly SettingsDocument Instance = new();
}

/// <summary>The thresholds in force for a tenant, through the configuration store's short cache.</summary>
public sealed class TenantSettings(ConfigStore<InsightsDbContext> store)
{
    public async Task<InsightSettings> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(SettingsDocument.Instance, tenantId, cancellationToken)).Value;
}
