using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.ServiceDefaults;

public sealed record DependencyStatus(string Status, double DurationMs, string? Description);

public sealed record ServiceInfo(
    string Service, string Version, string Environment, string Status, IReadOnlyDictionary<string, DependencyStatus> Dependencies);

public static class ServiceInfoEndpoint
{
    /// <summary><c>GET {prefix}/info</c>: the service's version and the live status of each server it depends on
    /// (the health checks tagged <see cref="Extensions.DependencyTag"/>). Always 200: it reports, /health decides.</summary>
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder endpoints, string prefix, string service) =>
        endpoints.MapGet($"{prefix}/info", async (HealthCheckService health, IHostEnvironment environment, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckHealthAsync(check => check.Tags.Contains(Extensions.DependencyTag), cancellationToken);
            return TypedResults.Ok(new ServiceInfo(
                service,
                Version,
                environment.EnvironmentName,
                report.Status.ToString(),
                report.Entries.ToDictionary(
                    entry => entry.Key,
                    entry => new DependencyStatus(entry.Value.Status.ToString(), Math.Round(entry.Value.Duration.TotalMilliseconds, 1), entry.Value.Description))));
        })
        .WithName($"{service}-info")
        .WithSummary($"Version of the {service} service and the status of each server it depends on.");

    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
