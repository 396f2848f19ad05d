using EscalationPlatform.AppHost.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.AppHost;

public static class PlatformResources
{
    /// <summary>A platform service: its own database, the shared broker and cache, started once they are
    /// healthy, and itself healthy when its /health (which checks all three) answers. Services that serve gRPC
    /// declare "http" and "grpc" endpoints in their Kestrel configuration; the others get an "http" one here.</summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        InfrastructureResources infrastructure,
        PlatformSecrets secrets)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpointUnlessConfigured()
            .WithEnvironment("Tenancy__TrustKey", secrets.TrustKey)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithReference(database).WaitFor(database)
            .WithReference(infrastructure.Messaging).WaitFor(infrastructure.Messaging)
            .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache)
            .WithHttpHealthCheck("/health")
            .WithTelemetryOnlyToADashboard()
            .WithReplicas(int.TryParse(builder.Configuration["Platform:Replicas"], out var replicas) && replicas > 1 ? replicas : 1);

    /// <summary>The tenants the gateway gives demo teams and customers through the APIs ("Demo:Tenants", comma-separated; default "demo").</summary>
    private static IResourceBuilder<ProjectResource> WithDemoTenants(this IResourceBuilder<ProjectResource> project, string? tenants) =>
        string.IsNullOrWhiteSpace(tenants) ? project : project.WithEnvironment("Demo__Tenants", tenants);

    /// <summary>Aspire points every project at the dashboard's OTLP endpoint even when the dashboard is off (tests and
    /// benchmarks), where nothing listens and every span would be built, batched and retried for nobody.</summary>
    private static IResourceBuilder<ProjectResource> WithTelemetryOnlyToADashboard(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context =>
        {
            if (context.ExecutionContext.Services.GetService<DistributedApplicationOptions>()?.DisableDashboard == true)
            {
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
            }
        });

    public static IResourceBuilder<ProjectResource> WithHttpEndpointUnlessConfigured(this IResourceBuilder<ProjectResource> project) =>
        project.Resource.Annotations.OfType<EndpointAnnotation>().Any(endpoint => endpoint.Name == "http") ? project : project.WithHttpEndpoint();

    /// <summary>The gateway: the only entry point from outside, on fixed ports unless configured otherwise
    /// (REST on HTTP/1.1 and HTTP/2, gRPC on an HTTP/2-only port, which plain-text gRPC needs). It owns the partner
    /// credentials (its database), counts rate limits in the cache, signs the caller's identity for the services,
    /// and in development serves the local token issuer.</summary>
    public static IResourceBuilder<ProjectResource> AddGateway<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformPorts ports, IResourceBuilder<IResourceWithConnectionString> database,
        InfrastructureResources infrastructure, PlatformSecrets secrets, params IResourceBuilder<ProjectResource>[] services)
        where TProject : IProjectMetadata, new()
    {
        var gateway = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Tenancy__TrustKey", secrets.TrustKey)
            .WithEnvironment("Auth__SigningKey", secrets.SigningKey)
            .WithEnvironment("Operators__0__Name", "local-operator")
            .WithEnvironment("Operators__0__KeySha256", secrets.OperatorKeySha256)
            .WithEnvironment("Auth__DevIssuerEnabled", DevIssuerEnabled(builder.Environment.EnvironmentName, builder.Configuration["Auth:DevIssuerEnabled"]).ToString())
            .WithReference(database).WaitFor(database)
            .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache)
            .WithEndpoint("http", endpoint => endpoint.Port = ports.Gateway)
            .WithEndpoint("grpc", endpoint => endpoint.Port = ports.GatewayGrpc)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithTelemetryOnlyToADashboard()
            .WithDemoTenants(builder.Configuration["Demo:Tenants"]);
        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        return gateway;
    }

    /// <summary>The support portal: a web application for people, on a fixed port unless configured otherwise, that
    /// reaches the platform only through the gateway (with each person's own token).</summary>
    public static IResourceBuilder<ProjectResource> AddPortal<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformPorts ports, IResourceBuilder<ProjectResource> gateway,
        InfrastructureResources infrastructure)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithHttpEndpoint(port: ports.Portal, name: "http")
            .WithExternalHttpEndpoints()
            .WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache) // sessions and keys every replica shares
            .WithReference(gateway).WaitFor(gateway)
            .WithHttpHealthCheck("/health")
            .WithTelemetryOnlyToADashboard();

    /// <summary>The development token issuer mints any role for any tenant: on in Development unless configuration turns
    /// it off, and never on in any other environment, whatever the configuration says.</summary>
    public static bool DevIssuerEnabled(string environmentName, string? configured) =>
        string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase)
        && !(bool.TryParse(configured, out var enabled) && !enabled);
}
