using EscalationPlatform.Hosting;
using EscalationPlatform.Web.Configuration;
using Insights.Api.Csat;
using Insights.Api.Data;
using Insights.Api.Rebuild;
using Insights.Api.Settings;
using Insights.Domain;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Insights.Api.Endpoints;

/// <summary>Why a rebuild was asked for (optional).</summary>
public sealed record RebuildRequest(string? Reason = null);

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

    /// <param name="request">Optional: why (logged with the rebuild).</param>
    /// <param name="rebuild">The rebuild of the caller's tenant.</param>
    /// <param name="cancellationToken">The request's.</param>
    private static async Task<Results<Ok<RebuildResult>, ValidationProblem>> RebuildAsync([FromBody] RebuildRequest? request, ModelRebuild rebuild,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("reason", request?.Reason, 500);
        return errors.IsValid ? TypedResults.Ok(await rebuild.RunAsync(request?.Reason, cancellationToken)) : errors.ToProblem();
    }
}
