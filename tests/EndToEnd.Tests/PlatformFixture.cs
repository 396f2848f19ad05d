using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

[assembly: AssemblyFixture(typeof(EndToEnd.Tests.PlatformFixture))]

namespace EndToEnd.Tests;

/// <summary>The whole app host, started once for all end-to-end tests, in local mode on the real PostgreSQL,
/// RabbitMQ and Redis, with its own state folder and free ports so it can run beside ./run.sh.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>A second intake whose database is unreachable: health must say so.</summary>
    public const string IntakeWithoutDatabase = "intake-unreachable-db";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private DistributedApplication? _app;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"escalation-e2e-{Guid.NewGuid():N}");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>Notification retries 100 times faster here, so a failing receiver reaches the dead letter in seconds.</summary>
    public const double RetryScale = 0.01;

    public HttpClient CreateClient(string resource, string endpoint = "http") => App.CreateHttpClient(resource, endpoint);

    public Uri Endpoint(string resource, string endpoint) => App.GetEndpoint(resource, endpoint);

    /// <summary>The gateway, acting for one tenant.</summary>
    public EscalationsClient Escalations(string tenant) => new(CreateClient("gateway"), tenant);

    public MailBox Mail() => new(CreateClient("mail"));

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await CreateBuilderAsync(timeout.Token);
        AddIntakeWithUnreachableDatabase(builder);
        Project(builder, "notification-api").WithEnvironment("Notification__RetryScale", RetryScale.ToString(System.Globalization.CultureInfo.InvariantCulture));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("mail", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceAsync(IntakeWithoutDatabase, KnownResourceStates.Running, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await LeftoverProcesses.StopAsync(StateDirectory, TimeSpan.FromSeconds(30));
        if (Directory.Exists(StateDirectory) && Environment.GetEnvironmentVariable("E2E_KEEP_STATE") is null) // keep it to read the services' logs
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    /// <summary>The app host prints set-up problems (a server not installed, a port in use) and exits before
    /// building; keep what it printed, or the test would only learn that it exited.</summary>
    private async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(CancellationToken cancellationToken)
    {
        var printed = new StringWriter();
        var console = Console.Error;
        Console.SetError(printed);
        try
        {
            return await DistributedApplicationTestingBuilder.CreateAsync<Projects.EscalationPlatform_AppHost>(
                [
                    "Infrastructure:Mode=local",
                    $"Infrastructure:StateDirectory={StateDirectory}",
                    "Ports:Gateway=0",
                    "Ports:GatewayGrpc=0",
                    "Ports:MailWeb=0",
                    $"Demo:Tenants={string.Join(',', Tenants.All)}",
                ],
                cancellationToken);
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException($"The app host did not start: {printed.ToString().Trim()}", error);
        }
        finally
        {
            Console.SetError(console);
        }
    }

    private static IResourceBuilder<ProjectResource> Project(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));

    private static void AddIntakeWithUnreachableDatabase(IDistributedApplicationTestingBuilder builder)
    {
        IResourceBuilder<IResourceWithConnectionString> Existing(string name) =>
            builder.CreateResourceBuilder(builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == name));

        builder.AddProject<Projects.Intake_Api>(IntakeWithoutDatabase, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint()
            .WithEnvironment("ConnectionStrings__intakedb", "Host=127.0.0.1;Port=9;Username=postgres;Database=intakedb;Timeout=2")
            .WithEnvironment("Database__MigrateOnStartup", "false")
            .WithEnvironment("Messaging__EndpointPrefix", "unreachable-db") // its own queues: it must not take the real intake's messages
            .WithReference(Existing("messaging")).WaitFor(Existing("messaging"))
            .WithReference(Existing("cache")).WaitFor(Existing("cache"));
    }
}
