using EscalationPlatform.LocalServers;

namespace EscalationPlatform.AppHost.Infrastructure;

public static class MailServer
{
    /// <summary>smtp4dev, in both infrastructure modes: it is a .NET program, so it needs no container. Its
    /// connection string names the SMTP endpoint; the <c>http</c> endpoint serves the web UI and the mail API.</summary>
    public static IResourceBuilder<LocalServerResource> AddMailServer(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory, int? webPort)
    {
        var options = new MailServerOptions(LocalServerLocator.MailServerExecutable(), FreePorts.Next(), webPort ?? FreePorts.Next());
        return builder
            .AddLocalServer(name, LocalServerBuilderExtensions.StateFolder(stateDirectory, name), MailServerCommands.Server(options),
                options.SmtpPort, MailServerCommands.ConnectionString(options.SmtpPort))
            .WithEndpoint(port: options.HttpPort, targetPort: options.HttpPort, name: "http", scheme: "http", isProxied: false)
            .WithHttpHealthCheck("/api/server", endpointName: "http");
    }
}
