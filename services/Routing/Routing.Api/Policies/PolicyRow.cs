using System.Text.Json;
using Routing.Domain;

namespace Routing.Api.Policies;

/// <summary>An escalation policy of a tenant: its document as checked (<see cref="EscalationPolicies"/>), in a JSON column.</summary>
public sealed class PolicyRow
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The policy this one continues with at its top; kept apart to find loops and uses without reading documents.</summary>
    public string? ContinueWith { get; set; }

    /// <summary>The policy as written (a <see cref="PolicyDraft"/> that passed every check).</summary>
    public required string Definition { get; set; }

    public uint RowVersion { get; set; }

    public PolicyDraft Draft() => JsonSerializer.Deserialize<PolicyDraft>(Definition, Web)!;

    public static string Serialize(PolicyDraft draft) => JsonSerializer.Serialize(draft with { Id = null }, Web);

    /// <summary>The policy to follow, as it was checked when saved (what it names may have changed since: a level whose
    /// person, schedule or team is gone is passed over when an offer reaches it).</summary>
    public EscalationPolicy Policy() => EscalationPolicies.Read(Id, Draft());
}
