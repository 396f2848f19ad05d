using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>An offer's plan (<see cref="OfferState.Plan"/>) as stored: levels with their targets and conditions by name.</summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(IReadOnlyList<PlannedLevel> plan) => plan.Count == 0 ? "[]" : JsonSerializer.Serialize(plan, Options);

    /// <summary>The plan; the built-in policy's for an offer that kept none.</summary>
    public static IReadOnlyList<PlannedLevel> Read(string json) =>
        json is "" or "[]" ? BuiltIn : JsonSerializer.Deserialize<List<PlannedLevel>>(json, Options)!;

    public static readonly IReadOnlyList<PlannedLevel> BuiltIn = PolicyPlan.Of(EscalationPolicy.BuiltIn, _ => null);
}
