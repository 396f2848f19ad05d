namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>PostgreSQL, RabbitMQ and Redis, from containers or from the local servers: services reference
/// them by the same connection names either way.</summary>
public sealed class InfrastructureResources
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _addDatabase;

    private InfrastructureResources(
        InfrastructureChoice choice,
        string stateDirectory,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<IResourceWithConnectionString> cache,
        Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
    {
        Choice = choice;
        StateDirectory = stateDirectory;
        Messaging = messaging;
        Cache = cache;
        _addDatabase = addDatabase;
    }

    public InfrastructureChoice Choice { get; }

    /// <summary>Server data and resource logs (git-ignored).</summary>
    public string StateDirectory { get; }

    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; }

    public IResourceBuilder<IResourceWithConnectionString> Cache { get; }

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => _addDatabase(name);

    public static InfrastructureResources Add(IDistributedApplicationBuilder builder)
    {
        var requested = InfrastructureModeResolver.Parse(
            builder.Configuration[InfrastructureModeResolver.ConfigurationKey]
            ?? Environment.GetEnvironmentVariable(InfrastructureModeResolver.EnvironmentVariable));
        var choice = InfrastructureModeResolver.Resolve(requested, ContainerRuntimeProbe.Probe);
        var stateDirectory = Path.GetFullPath(builder.Configuration["Infrastructure:StateDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".state"));
        Directory.CreateDirectory(stateDirectory);
        Console.WriteLine($"Infrastructure: {choice.Mode.ToString().ToLowerInvariant()} ({choice.Reason}); state in {stateDirectory}");

        if (choice.Mode == InfrastructureMode.Containers)
        {
            var postgres = builder.AddPostgres("postgres");
            return new(choice, stateDirectory, builder.AddRabbitMQ("messaging"), builder.AddRedis("cache"),
                name => postgres.AddDatabase(name));
        }

        var localPostgres = builder.AddLocalPostgres("postgres", stateDirectory);
        return new(choice, stateDirectory,
            Broker(builder, stateDirectory),
            builder.AddLocalRedis("cache", stateDirectory),
            name => localPostgres.AddLocalDatabase(name));
    }

    /// <summary>A broker of one's own (ConnectionStrings:messaging, for example a RabbitMQ cluster's address) instead of
    /// the local node: the services then use it as they would in production.</summary>
    private static IResourceBuilder<IResourceWithConnectionString> Broker(IDistributedApplicationBuilder builder, string stateDirectory) =>
        string.IsNullOrWhiteSpace(builder.Configuration[$"ConnectionStrings:{BrokerConnection}"])
            ? builder.AddLocalRabbitMq(BrokerConnection, stateDirectory)
            : builder.AddConnectionString(BrokerConnection);

    private const string BrokerConnection = "messaging";
}
