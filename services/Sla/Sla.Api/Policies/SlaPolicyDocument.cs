using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Sla.Domain;

namespace Sla.Api.Policies;

/// <summary>The SLA policy as a versioned document (the shape of <see cref="SlaPolicyDraft"/>, checked by
/// <see cref="SlaPolicies.Check"/>): calendars, targets per severity, targets a customer tier replaces, warnings.</summary>
public sealed class SlaPolicyDocument : IConfigDocument<SlaPolicy>
{
    public static readonly SlaPolicyDocument Instance = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "sla-policy";

    public string Label => "SLA policy";

    public SlaPolicy Default { get; } = DefaultPolicy.Create();

    public SlaPolicy? Read(JsonElement document, ValidationErrors errors)
    {
        SlaPolicyDraft? draft;
        try
        {
            draft = document.Deserialize<SlaPolicyDraft>(Json);
        }
        catch (JsonException error)
        {
            errors.Add(JsonErrors.Field(error, whole: "document"), JsonErrors.Describe(error, Json));
            return null;
        }

        if (draft is null)
        {
            errors.Add("document", "must be an object with calendars, targets, tierTargets, contractTargets and warningPercents");
            return null;
        }

        var (policy, problems) = SlaPolicies.Check(draft);
        errors.AddAll(ValidationErrors.Of(problems).ToDictionary().AsReadOnly());
        return policy;
    }

    public JsonObject Write(SlaPolicy value) => JsonSerializer.SerializeToNode(SlaPolicyDraft.From(value), Json)!.AsObject();
}

/// <summary>The SLA policy of a tenant, as the clocks need it.</summary>
public interface ISlaPolicies
{
    /// <summary>The version in force, at least <paramref name="atLeast"/> (a message about a newer one than this
    /// instance has seen reads it).</summary>
    Task<Published<SlaPolicy>> CurrentAsync(string tenantId, CancellationToken cancellationToken, int atLeast = 0);

    Task<Published<SlaPolicy>?> VersionAsync(string tenantId, int version, CancellationToken cancellationToken);
}

public sealed class TenantSlaPolicies(ConfigStore<Data.SlaDbContext> store) : ISlaPolicies
{
    public Task<Published<SlaPolicy>> CurrentAsync(string tenantId, CancellationToken cancellationToken, int atLeast = 0) =>
        store.CurrentAsync(SlaPolicyDocument.Instance, tenantId, cancellationToken, atLeast);

    public Task<Published<SlaPolicy>?> VersionAsync(string tenantId, int version, CancellationToken cancellationToken) =>
        store.VersionAsync(SlaPolicyDocument.Instance, tenantId, version, cancellationToken);
}
