using System.Net.Http.Headers;
using EscalationPlatform.Data;
using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Data;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.Gateway.Middleware;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Gateway.Tenants;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.OpenApi;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EscalationPlatform.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public const string DatabaseName = "gatewaydb";

    /// <summary>The authentication scheme every request goes through: it picks the API key handler, or for a bearer
    /// token the JWT validation of the issuer the token names (<see cref="BearerSchemeSelector"/>).</summary>
    public const string PlatformScheme = "Platform";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.RequireTrustKeyOutsideDevelopment();
        builder.AddServiceDatabase<GatewayDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.Services.AddTenancy();
        builder.Services.ConfigureHttpJsonOptions(options => WebConventions.Apply(options.SerializerOptions));
        builder.Services.AddScoped<IdempotencyFilter<GatewayDbContext>>();
        builder.Services.AddHostedService<IdempotencyCleanupService<GatewayDbContext>>();
        builder.Services.Configure<KestrelServerOptions>(RequestLimits.Apply);
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<OperatorCredentials>();
        builder.Services.AddHttpClient<ServiceCalls>();
        builder.Services.AddScoped<TenantDefaults>();
        builder.Services.AddScoped<TenantProvisioning>();
        builder.Services.AddSingleton<DemoData>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoData>());
        builder.Services.AddHealthChecks().AddCheck<DemoData>("demo-data");
        builder.Services.AddRequestTimeouts();
        builder.AddAuthentication();
        builder.Services.AddAuthorization(PlatformPolicies.Add);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<RedisRateLimiter>();
        builder.Services.AddSingleton<UnauthenticatedLimiter>();
        builder.Services.Configure<StreamOptions>(builder.Configuration.GetSection(StreamOptions.Section));
        builder.Services.AddPlatformOpenApi("gateway", "gateway", options => options.AddDocumentTransformer<IntegrationDocuments>());

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(builder.Configuration.GetValue<TimeSpan?>("Gateway:RequestTimeout")), GatewayRoutes.Clusters())
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => IdentityTransform.Apply(
                context, context.Services.GetRequiredService<GatewayTrust>(), context.Services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>Refuses to start on settings that would lock every user out or let the wrong ones in
    /// (<see cref="AuthConfiguration"/>).</summary>
    private static void AddAuthentication(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        AuthConfiguration.EnsureValid(auth, builder.Environment.EnvironmentName);
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        var authentication = builder.Services.AddAuthentication(PlatformScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        var bearer = new BearerSchemeSelector(authentication.AddBearerTokens(auth));
        authentication.AddPolicyScheme(PlatformScheme, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = context =>
            ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null
            || !AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out _)
                ? ApiKeyAuthenticationHandler.SchemeName
                : bearer.SchemeFor(BearerSchemeSelector.TokenOf(context.Request)));
    }
}
