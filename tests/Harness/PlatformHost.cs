using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EscalationPlatform.Contracts;
using EscalationPlatform.Harness.Load;
using EscalationPlatform.Web.Tenancy;

namespace EscalationPlatform.Harness;

/// <summary>What to start: the tenants to seed, replicas of each service, and settings for the app host.</summary>
public sealed record PlatformOptions(IReadOnlyList<string> Tenants)
{
    public int Replicas { get; init; } = 1;

    /// <summary>App host configuration ("Key=value"), after the harness's own.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Changes to the app model before it is built (an extra resource, a service's environment).</summary>
    public Action<IDistributedApplicationTestingBuilder>? Customize { get; init; }

    /// <summary>Resources to wait for beyond the gateway and the mail server.</summary>
    public IReadOnlyList<string> AwaitRunning { get; init; } = [];

    public string StatePrefix { get; init; } = "escalation-e2e";

    /// <summary>Escalations sent through every service in a tenant of their own before the platform is handed over,
    /// until each came out owned and on the clock; none for a zero duration.</summary>
    public WarmUp WarmUp { get; init; } = new(PerSecond: 5, TimeSpan.FromSeconds(2));
}

/// <summary>The first message each service handles after a start is slow (JIT, connection pools, the broker's first
/// deliveries); a timing goal is about a running platform, so the harness sends some load first.</summary>
public sealed record WarmUp(double PerSecond, TimeSpan Duration)
{
    public const string Tenant = "warmup";
}

/// <summary>The whole app host, in local mode on the real PostgreSQL, RabbitMQ and Redis, with its own state folder
/// and free ports so it can run beside ./run.sh. Knows the platform's trust key, so it can mint tokens, call a
/// service the way another service would, and find and kill the processes of this platform (and no other).</summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6); // two replicas of everything on a busy two-core machine take close to four

    private readonly ConcurrentDictionary<(string Tenant, string Subject, string Roles), Task<string>> _tokens = new();
    private DistributedApplication? _app;

    private PlatformHost(string stateDirectory, string trustKey)
    {
        StateDirectory = stateDirectory;
        TrustKey = trustKey;
        Trust = new GatewayTrust(Convert.FromBase64String(trustKey));
        Processes = new PlatformProcesses(stateDirectory);
    }

    public string StateDirectory { get; }

    /// <summary>Tenancy:TrustKey of this platform: unique per start.</summary>
    public string TrustKey { get; }

    public GatewayTrust Trust { get; }

    public PlatformProcesses Processes { get; }

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>One of the app host's projects (a service or the gateway), to change before the start.</summary>
    public static IResourceBuilder<ProjectResource> Project(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == name));

    public static async Task<PlatformHost> StartAsync(PlatformOptions options, CancellationToken cancellationToken = default)
    {
        var host = new PlatformHost(Path.Combine(Path.GetTempPath(), $"{options.StatePrefix}-{Guid.NewGuid():N}"), GatewayTrust.NewKey());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var builder = await host.CreateBuilderAsync(options, timeout.Token);
            foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            {
                builder.CreateResourceBuilder(project).WithEnvironment(PlatformProcesses.MarkVariable, host.StateDirectory);
            }

            options.Customize?.Invoke(builder);
            host._app = await builder.BuildAsync(timeout.Token);
            await host._app.StartAsync(timeout.Token);
            await host._app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            await host._app.ResourceNotifications.WaitForResourceHealthyAsync("mail", timeout.Token);
            foreach (var resource in options.AwaitRunning)
            {
                await host._app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Running, timeout.Token);
            }

            await host.WarmUpAsync(options.WarmUp, timeout.Token);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string resource, string endpoint = "http") => App.CreateHttpClient(resource, endpoint);

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

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

    /// <summary>A partner API key for the tenant (created by an admin of it) that reads and submits escalations, with
    /// the highest rate limit a key can have (100,000/min), far above what load or a warm-up sends.</summary>
    public async Task<string> PartnerKeyAsync(string tenant, string name) =>
        (await ApiKeyAsync(tenant, new { name, scopes = new[] { "escalations:read", "escalations:write" }, rateLimitPerMinute = 100_000 })).Key;

    /// <summary>Creates an API key through the admin API, as an admin of the tenant would.</summary>
    public async Task<(Guid Id, string Key)> ApiKeyAsync(string tenant, object request)
    {
        using var admin = await GatewayAsAsync(tenant);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating an API key answered {(int)response.StatusCode}: {body}");
        }

        return (body.GetProperty("id").GetGuid(), body.GetProperty("key").GetString()!);
    }

    private async Task WarmUpAsync(WarmUp warmUp, CancellationToken cancellationToken)
    {
        if (warmUp.Duration <= TimeSpan.Zero)
        {
            return;
        }

        var key = await PartnerKeyAsync(WarmUp.Tenant, "warm-up");
        using var load = new LoadDriver(Endpoint("gateway"), key, new CaseMix($"warm-{Guid.NewGuid():N}"[..13]));
        await load.RunAtRateAsync(warmUp.PerSecond, warmUp.Duration, cancellationToken);
        using var gateway = PartnerClient(key);
        var audit = await new PipelineAudit(gateway, mail: null).RunAsync(load.Results, TimeSpan.FromMinutes(1), cancellationToken);
        if (!audit.Clean || audit.Accepted == 0)
        {
            throw new InvalidOperationException($"The warm-up did not come through: {audit.Accepted} accepted; {string.Join("; ", audit.Findings)}");
        }
    }

    /// <summary>The gateway as a partner system with an API key.</summary>
    public HttpClient PartnerClient(string apiKey)
    {
        var client = CreateClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>A service called directly, each request signed as the gateway would sign it for a person of the
    /// tenant (or for <paramref name="identity"/>).</summary>
    public HttpClient SignedClient(string resource, string tenant, string endpoint = "http", PlatformIdentity? identity = null)
    {
        var handler = new SigningHandler(Trust, SigningHandler.ServiceOf(resource),
            identity ?? new PlatformIdentity(tenant, new Actor(ActorKind.Person, "harness", "harness"), Roles: ["admin"]), new SocketsHttpHandler());
        return new HttpClient(handler) { BaseAddress = Endpoint(resource, endpoint) };
    }

    /// <summary>The platform operator's key (configured for this platform's gateway): error queues and full /info.</summary>
    public string OperatorKey { get; } = "op_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>The gateway as the platform operator.</summary>
    public HttpClient OperatorClient()
    {
        var client = CreateClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return client;
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
    /// building; keep what it printed, or the caller would only learn that it exited.</summary>
    private async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(PlatformOptions options, CancellationToken cancellationToken)
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
                    "Ports:Portal=0",
                    $"Demo:Tenants={string.Join(',', options.Tenants.Append(WarmUp.Tenant))}",
                    $"Tenancy:TrustKey={TrustKey}",
                    $"Auth:OperatorKey={OperatorKey}",
                    $"Platform:Replicas={options.Replicas.ToString(CultureInfo.InvariantCulture)}",
                    .. options.Settings,
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
}
