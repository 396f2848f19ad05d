using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.ServiceDefaults;

public sealed record DependencyStatus(string Status, double DurationMs, string? Description);

/// <summary>What /info tells: everyone sees the service, its version and whether it is healthy; only the platform
/// operator sees the environment and each dependency's state (which name the servers behind the service).</summary>
public sealed record ServiceInfo(
    string Service, string Version, string Status, string? Environment = null, IReadOnlyDictionary<string, DependencyStatus>? Dependencies = null);

/// <summary>Who may see a service's operational details (registered by the platform's web conventions).</summary>
public interface IServiceInfoAudience
{
    bool SeesDetails(HttpContext context);
}

public static class ServiceInfoEndpoint
{
    /// <summary><c>GET {prefix}/info</c>: the service's version and the live status of each server it depends on
    /// (the health checks tagged <see cref="Extensions.DependencyTag"/>). Always 200: it reports, /health decides.</summary>
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder endpoints, string prefix, string service) =>
        endpoints.MapGet($"{prefix}/info", async (HttpContext context, HealthCheckService health, IHostEnvironment environment, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(Extensions.DependencyTag), cancellationToken);
            var info = new ServiceInfo(service, Version, report.Status.ToString());
            return context.RequestServices.GetService<IServiceInfoAudience>()?.SeesDetails(context) != true
                ? TypedResults.Ok(info)
                : TypedResults.Ok(info with
                {
                    Environment = environment.EnvironmentName,
                    Dependencies = report.Entries.ToDictionary(
                        entry => entry.Key,
                        entry => new DependencyStatus(entry.Value.Status.ToString(), Math.Round(entry.Value.Duration.TotalMilliseconds, 1), entry.Value.Description)),
                });
        })
        .WithName($"{service}-info")
        .WithSummary($"Version of the {service} service and the status of each server it depends on.");

    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
