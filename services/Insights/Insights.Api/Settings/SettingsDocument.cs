using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Insights.Api.Data;
using Insights.Domain;

namespace Insights.Api.Settings;

/// <summary>A tenant's insight thresholds (<see cref="InsightSettings"/>) as a versioned document: bounce, repeat
/// customer, too-late and stall thresholds. A new version applies to cases as they change; a rebuild applies it to all.</summary>
public sealed class SettingsDocument : IConfigDocument<InsightSettings>
{
    public static readonly SettingsDocument Instance = new();

    private static readonly JsonSerializerOptions Json = CreateJson();

    public string Name => "insight-settings";

    public string Label => "insight settings";

    public InsightSettings Default => InsightSettings.Default;

    public InsightSettings? Read(JsonElement document, ValidationErrors errors)
    {
        InsightSettings? settings;
        try
        {
            settings = document.Deserialize<InsightSettings>(Json);
        }
        catch (JsonException error)
        {
            errors.Add(JsonErrors.Field(error, whole: "document"), JsonErrors.Describe(error, Json));
            return null;
        }

        if (settings is null)
        {
            errors.Add("document", "must be an object with bounceAfter, repeatEscalations, repeatWindowDays, tooLateActions, tooLatePercent and stallHours");
            return null;
        }

        var problems = settings.Problems();
        foreach (var (field, problem) in problems)
        {
            errors.Add(field, problem);
        }

        return problems.Count == 0 ? settings : null;
    }

    public JsonObject Write(InsightSettings value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        WebConventions.Apply(options);
        return options;
    }
}

/// <summary>The thresholds in force for a tenant, through the configuration store's short cache.</summary>
public sealed class TenantSettings(ConfigStore<InsightsDbContext> store)
{
    public async Task<InsightSettings> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(SettingsDocument.Instance, tenantId, cancellationToken)).Value;
}
