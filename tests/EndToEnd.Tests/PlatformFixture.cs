using System.Net.Http.Json;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EscalationPlatform.Harness;
using EscalationPlatform.Testing;
using EscalationPlatform.Web.Tenancy;

[assembly: AssemblyFixture(typeof(EndToEnd.Tests.PlatformFixture))]

namespace EndToEnd.Tests;

/// <summary>The whole platform, started once for all end-to-end tests (<see cref="PlatformHost"/>), with a tenant
/// per test class, faster notification retries, a second intake whose database is unreachable, and an external
/// OpenID Connect provider the gateway trusts for the users of <see cref="Tenants.ExternalIssuer"/>.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>A second intake whose database is unreachable: health must say so.</summary>
    public const string IntakeWithoutDatabase = "intake-unreachable-db";

    /// <summary>Notification retries 100 times faster here, so a failing receiver reaches the dead letter in seconds.</summary>
    public const double RetryScale = 0.01;

    /// <summary>The "aud" the gateway expects from the external issuer.</summary>
    public const string Audience = "escalation-platform";

    /// <summary>The only internal network webhooks may reach here: where <see cref="WebhookReceiver"/> listens.</summary>
    /// <summary>Streams one credential may hold open at once (the gateway's default).</summary>
    public const int StreamsPerCredential = 5;

    public static readonly System.Net.IPNetwork WebhookNetwork = System.Net.IPNetwork.Parse("127.0.0.2/32");

    private PlatformHost? _host;
    private OidcProvider? _identityProvider;

    public PlatformHost Host => _host ?? throw new InvalidOperationException("The platform has not started.");

    public GatewayTrust Trust => Host.Trust;

    /// <summary>The OpenID Connect provider trusted for <see cref="Tenants.ExternalIssuer"/>; its "support-agent" and
    /// "support-admin" roles stand for the platform's agent and admin.</summary>
    public OidcProvider IdentityProvider => _identityProvider ?? throw new InvalidOperationException("The identity provider has not started.");

    public HttpClient CreateClient(string resource, string endpoint = "http") => Host.CreateClient(resource, endpoint);

    public Uri Endpoint(string resource, string endpoint) => Host.Endpoint(resource, endpoint);

    /// <summary>The gateway, acting for one tenant (as its admin, or as the actor a call names).</summary>
    public EscalationsClient Escalations(string tenant) => new(CreateClient("gateway"), this, tenant);

    /// <summary>Provisions the tenant as the platform operator does (its defaults created in every service), once:
    /// a tenant provisioned before (428 without its ETag, 409 at the same moment) is left as it is.</summary>
    public async Task ProvisionAsync(string tenant)
    {
        using var @operator = Host.OperatorClient();
        using var answer = await @operator.PutAsJsonAsync($"/api/v1/ops/tenants/{tenant}", new { name = tenant, timeZone = "UTC" }, TestContext.Current.CancellationToken);
        Assert.True(answer.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.PreconditionRequired,
            $"provisioning {tenant} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    public Task<string> TokenAsync(string tenant, string subject = "e2e-admin", params string[] roles) => Host.TokenAsync(tenant, subject, roles);

    public Task<HttpClient> GatewayAsAsync(string tenant, params string[] roles) => Host.GatewayAsAsync(tenant, roles);

    public HttpClient SignedClient(string resource, string tenant, string endpoint = "http") => Host.SignedClient(resource, tenant, endpoint);

    public MailBox Mail() => new(CreateClient("mail"));

    /// <summary>A receiver that answers every webhook at once: where tests that need a subscription (but not its calls)
    /// point it, so that its deliveries never wait on an address that does not answer (a real partner's name does not
    /// resolve here, and every attempt would hold a delivery slot other tests' notifications wait for).</summary>
    public static string WebhookSinkUrl { get; private set; } = "";

    private WebhookReceiver? _sink;

    public async ValueTask InitializeAsync()
    {
        _sink = await WebhookReceiver.StartAsync();
        WebhookSinkUrl = _sink.UrlFor("sink");
        var identityProvider = _identityProvider = await OidcProvider.StartAsync(Audience);
        try
        {
            _host = await PlatformHost.StartAsync(new PlatformOptions(Tenants.All)
            {
                Customize = builder =>
                {
                    AddIntakeWithUnreachableDatabase(builder);
                    SignInToThePortalWith(builder, identityProvider);
                    PlatformHost.Project(builder, "notification-api")
                        .WithEnvironment("Notification__RetryScale", RetryScale.ToString(CultureInfo.InvariantCulture))
                        .WithEnvironment("Notification__Webhooks__AllowedNetworks", WebhookNetwork.ToString());
                    TrustIdentityProvider(builder, identityProvider);
                    PlatformHost.Project(builder, "gateway")
                        .WithEnvironment("RateLimits__UnauthenticatedPerMinute", "1000000") // the suites send thousands of refused requests from one address
                        .WithEnvironment("Gateway__Streams__RecheckEvery", "00:00:01");
                },
                AwaitRunning = [IntakeWithoutDatabase],
            });
        }
        catch
        {
            await identityProvider.DisposeAsync();
            _identityProvider = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }

        if (_sink is not null)
        {
            await _sink.DisposeAsync();
        }
    }

    /// <summary>Plain HTTP on loopback, and a one-second clock skew so an expired token is refused within seconds.</summary>
    private static void TrustIdentityProvider(IDistributedApplicationTestingBuilder builder, OidcProvider provider) =>
        PlatformHost.Project(builder, "gateway")
            .WithEnvironment("Auth__Issuers__0__Name", "test-idp")
            .WithEnvironment("Auth__Issuers__0__Issuer", provider.Issuer)
            .WithEnvironment("Auth__Issuers__0__Audience", Audience)
            .WithEnvironment("Auth__Issuers__0__Tenant", Tenants.ExternalIssuer)
            .WithEnvironment("Auth__Issuers__0__Roles__support-agent", "agent")
            .WithEnvironment("Auth__Issuers__0__Roles__support-admin", "admin")
            .WithEnvironment("Auth__Issuers__0__RequireHttpsMetadata", "false")
            .WithEnvironment("Auth__Issuers__0__ClockSkew", "00:00:01");

    /// <summary>The portal's external sign-in: the provider's "portal" client, asking for the platform's resource.</summary>
    private static void SignInToThePortalWith(IDistributedApplicationTestingBuilder builder, OidcProvider provider) =>
        PlatformHost.Project(builder, "portal")
            .WithEnvironment("Portal__Oidc__Authority", provider.Issuer)
            .WithEnvironment("Portal__Oidc__ClientId", "portal")
            .WithEnvironment("Portal__Oidc__ClientSecret", OidcProvider.ClientSecret)
            .WithEnvironment("Portal__Oidc__Resource", OidcProvider.RsaResource)
            .WithEnvironment("Portal__Oidc__DisplayName", "the test identity provider")
            .WithEnvironment("Portal__Oidc__RequireHttpsMetadata", "false");

    private static void AddIntakeWithUnreachableDatabase(IDistributedApplicationTestingBuilder builder)
    {
        IResourceBuilder<IResourceWithConnectionString> Existing(string name) =>
            builder.CreateResourceBuilder(builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == name));

        builder.AddProject<Projects.Intake_Api>(IntakeWithoutDatabase, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint()
            .WithEnvironment("ConnectionStrings__intakedb", "Host=127.0.0.1;Port=9;Username=postgres;Database=intakedb;Timeout=2")
            .WithEnvironment("Database__MigrateOnStartup", "false")
            .WithEnvironment("Tenancy__TrustKey", builder.Configuration["Tenancy:TrustKey"])
            .WithEnvironment("Messaging__EndpointPrefix", "unreachable-db") // its own queues: it must not take the real intake's messages
            .WithReference(Existing("messaging")).WaitFor(Existing("messaging"))
            .WithReference(Existing("cache")).WaitFor(Existing("cache"));
    }
}
