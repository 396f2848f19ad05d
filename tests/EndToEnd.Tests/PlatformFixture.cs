using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;
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

    /// <summary>The key the platform's processes trust each other's identity headers with, known here so tests can
    /// call a service directly the way another service would.</summary>
    public GatewayTrust Trust { get; } = new(Convert.FromBase64String(TrustKey));

    private static readonly string TrustKey = GatewayTrust.NewKey();

    private readonly ConcurrentDictionary<(string Tenant, string Subject, string Roles), Task<string>> _tokens = new();

    /// <summary>The gateway, acting for one tenant (as its admin, or as the actor a call names).</summary>
    public EscalationsClient Escalations(string tenant) => new(CreateClient("gateway"), this, tenant);

    /// <summary>A portal user's token from the development issuer, minted once per tenant, subject and roles.</summary>
    public Task<string> TokenAsync(string tenant, string subject = "e2e-admin", params string[] roles) =>
        _tokens.GetOrAdd((tenant, subject, string.Join(',', roles.Length == 0 ? ["admin"] : roles)), async key =>
        {
            using var gateway = CreateClient("gateway");
            using var response = await gateway.PostAsJsonAsync("/api/v1/auth/dev-token",
                new { tenant = key.Tenant, subject = key.Subject, name = key.Subject, roles = key.Roles.Split(',') });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        });

    /// <summary>The gateway with a bearer token for the tenant and roles (admin when none are named).</summary>
    public async Task<HttpClient> GatewayAsAsync(string tenant, params string[] roles)
    {
        var client = CreateClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(tenant, "e2e-admin", roles));
        return client;
    }

    /// <summary>A service called directly, with the identity headers the gateway would set.</summary>
    public HttpClient SignedClient(string resource, string tenant, string endpoint = "http")
    {
        var client = CreateClient(resource, endpoint);
        foreach (var (name, value) in Trust.Stamp(new PlatformIdentity(tenant, new Actor(ActorKind.Person, "e2e", "e2e")), DateTimeOffset.UtcNow))
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }

        return client;
    }

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
                    $"Tenancy:TrustKey={TrustKey}",
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
