using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.AppHost;

public static class StartupReport
{
    /// <summary>Copies every resource's console output to {state}/logs/{resource}.log, prints the URLs once every
    /// resource is healthy, and stops the app host with exit code 1 if one fails to start. Both start before
    /// the first resource does (the hosted services of the app host only start once all resources are created).</summary>
    public static void AddStartupReport(this IDistributedApplicationBuilder builder, string stateDirectory,
        IResourceBuilder<ProjectResource> portal, IResourceBuilder<ProjectResource> gateway, IResourceBuilder<IResourceWithEndpoints> mail)
    {
        var logDirectory = Path.Combine(stateDirectory, "logs");
        Directory.CreateDirectory(logDirectory);
        var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';').FirstOrDefault();
        var traceStates = builder.Configuration.GetValue("AppHost:TraceResourceStates", false);

        builder.Eventing.Subscribe<BeforeStartEvent>((startup, cancellationToken) =>
        {
            var lifetime = startup.Services.GetRequiredService<IHostApplicationLifetime>();
            var dashboardEnabled = startup.Services.GetService<DistributedApplicationOptions>()?.DisableDashboard == false;
            _ = new ResourceLogFiles(startup.Model, startup.Services.GetRequiredService<ResourceLoggerService>(), logDirectory)
                .RunAsync(lifetime.ApplicationStopping);
            _ = new StartupReporter(
                    startup.Services.GetRequiredService<ResourceNotificationService>(),
                    startup.Model,
                    lifetime,
                    logDirectory,
                    traceStates,
                    () =>
                    [
                        $"Portal: {portal.GetEndpoint("http").Url}",
                        $"Gateway: {gateway.GetEndpoint("http").Url}",
                        .. dashboardEnabled && dashboard is not null ? [$"Dashboard: {dashboard}"] : Array.Empty<string>(),
                        $"Mail: {mail.GetEndpoint("http").Url}",
                    ])
                .RunAsync(lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
    }
}
