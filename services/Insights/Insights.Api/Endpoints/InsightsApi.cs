using EscalationPlatform.Hosting;
using EscalationPlatform.Web.Configuration;
using Insights.Api.Csat;
using Insights.Api.Data;
using Insights.Api.Rebuild;
using Insights.Api.Settings;
using Insights.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Insights.Api.Endpoints;

public static class InsightsApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/insights";

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<InsightsDbContext>(Prefix, "insights");

        var insights = endpoints.MapGroup(Prefix).WithTags("Insights");
        InsightEndpoints.Map(insights);
        insights.MapConfigDocument<InsightsDbContext, InsightSettings>("/settings", SettingsDocument.Instance);
        insights.MapPost("/rebuild", RebuildAsync)
            .WithSummary("Rebuilds the tenant's insights from intake's history (after insights was started late, or to apply new settings to every case).");
        RatingEndpoints.Map(endpoints);
        return endpoints;
    }

    private static async Task<Ok<RebuildResult>> RebuildAsync(ModelRebuild rebuild, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rebuild.RunAsync(cancellationToken));
}
