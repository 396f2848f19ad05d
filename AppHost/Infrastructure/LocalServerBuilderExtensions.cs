using EscalationPlatform.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>The locally installed PostgreSQL, RabbitMQ and Redis as Aspire executable resources: a port chosen
/// here, data under the state folder, and a health check that speaks each server's protocol on that port.</summary>
public static class LocalServerBuilderExtensions
{
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var directory = StateFolder(stateDirectory, name);
        var options = new PostgresServerOptions(
            LocalServerLocator.PostgresBinDirectory(builder.Configuration["Infrastructure:PostgresBinDirectory"]),
            Path.Combine(directory, "data"),
            FreePorts.Next(),
            PostgresCommands.RunAsUser);
        PostgresCommands.InitializeCluster(options, directory);

        var server = builder.AddLocalServer(name, directory, PostgresCommands.Server(options), options.Port,
            PostgresCommands.ConnectionString(options.Port));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            $"{server.Resource.ConnectionString};Database=postgres;Pooling=false;Timeout=3", name: healthCheck);
        return server
            .WithHealthCheck(healthCheck)
            .OnResourceReady((resource, ready, cancellationToken) => StartDatabases(builder, resource, ready.Services, cancellationToken));
    }

    public static IResourceBuilder<LocalDatabaseResource> AddLocalDatabase(
        this IResourceBuilder<LocalServerResource> server, string name)
    {
        var database = new LocalDatabaseResource(name, name, server.Resource);
        var healthCheck = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            $"{database.ConnectionString};Pooling=false;Timeout=3", name: healthCheck);
        return server.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck);
    }

    public static IResourceBuilder<LocalServerResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var directory = StateFolder(stateDirectory, name);
        var options = new RabbitMqServerOptions(
            LocalServerLocator.RabbitMqInstallDirectory(builder.Configuration["Infrastructure:RabbitMqInstallDirectory"]),
            directory, FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), $"{name}@localhost", FreePorts.Next());
        RabbitMqCommands.WriteConfigurationFiles(options);

        var portMapperCommand = RabbitMqCommands.PortMapper(options);
        var portMapper = builder
            .AddExecutable($"{name}-epmd", LocalServerLocator.OnPath(portMapperCommand.Executable, "erlang-base"), directory,
                [.. portMapperCommand.Arguments])
            .WithEndpoint(port: options.EpmdPort, targetPort: options.EpmdPort, name: "tcp", scheme: "tcp", isProxied: false);

        var connectionString = RabbitMqCommands.ConnectionString(options.Port);
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => new RabbitMqHealthCheck(connectionString), null, null));
        return builder.AddLocalServer(name, directory, RabbitMqCommands.Server(options), options.Port, connectionString)
            .WithEndpoint(port: options.ManagementPort, targetPort: options.ManagementPort, name: "management", scheme: "http", isProxied: false)
            .WithHealthCheck(healthCheck)
            .WaitFor(portMapper);
    }

    public static IResourceBuilder<LocalServerResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string stateDirectory)
    {
        var directory = StateFolder(stateDirectory, name);
        var options = new RedisServerOptions(directory, FreePorts.Next());
        var command = RedisCommands.Server(options) with
        {
            Executable = LocalServerLocator.OnPath("redis-server", "redis-server"),
        };
        var connectionString = RedisCommands.ConnectionString(options.Port);
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis($"{connectionString},abortConnect=false,connectTimeout=2000", name: healthCheck);
        return builder.AddLocalServer(name, directory, command, options.Port, connectionString).WithHealthCheck(healthCheck);
    }

    internal static IResourceBuilder<LocalServerResource> AddLocalServer(this IDistributedApplicationBuilder builder,
        string name, string workingDirectory, LocalServerCommand command, int port, string connectionString)
    {
        var server = builder.AddResource(new LocalServerResource(name, command.Executable, workingDirectory, connectionString))
            .WithArgs([.. command.Arguments])
            .WithEndpoint(port: port, targetPort: port, name: "tcp", scheme: "tcp", isProxied: false);
        foreach (var (variable, value) in command.Environment)
        {
            server.WithEnvironment(variable, value);
        }

        return server;
    }

    internal static string StateFolder(string stateDirectory, string name)
    {
        var directory = Path.Combine(stateDirectory, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Creates the server's databases that do not exist yet and marks them running: Aspire passes a
    /// parent's state on to children only for containers, so for a local server this is done here.</summary>
    private static async Task StartDatabases(IDistributedApplicationBuilder builder, LocalServerResource server,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        await using var connection = new NpgsqlConnection($"{server.ConnectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in builder.Resources.OfType<LocalDatabaseResource>().Where(database => database.Parent == server))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
            {
                Parameters = { new() { Value = database.DatabaseName } },
            };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                ResourceType = "PostgresDatabase",
            });
        }
    }
}
