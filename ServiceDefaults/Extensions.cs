using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>What every process of the platform needs: telemetry, health, service discovery, resilience and
/// problem details. Nothing service-specific lives here.</summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Tag for checks of the servers a service depends on; the info endpoint reports them.</summary>
    public const string DependencyTag = "dependency";

    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        // Each outgoing call (intake reads the clocks from sla for every record it shows) would log four lines at
        // Information, which under load costs more than the call; its trace says the same. Configuration still wins.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddPlatformProblemDetails();
        return builder;
    }

    /// <summary><c>/health</c> is readiness (every check, including this service's servers); <c>/alive</c> is
    /// liveness (the process answers). Both are mapped in every environment: orchestrators probe them.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new() { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
