using System.Net.Http.Headers;
using System.Security.Claims;
using EscalationPlatform.Data;
using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Data;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Limits;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.OpenApi;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.Tokens;

namespace EscalationPlatform.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    public const string DatabaseName = "gatewaydb";

    /// <summary>The authentication scheme every request goes through: it picks the API key handler or JWT bearer
    /// validation by the shape of the credential.</summary>
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
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddSingleton<OperatorCredentials>();
        builder.Services.AddRequestTimeouts();
        builder.AddAuthentication();
        builder.Services.AddAuthorization(PlatformPolicies.Add);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.Section));
        builder.Services.AddSingleton<RedisRateLimiter>();
        builder.Services.AddPlatformOpenApi("gateway", "gateway", options => options.AddDocumentTransformer<IntegrationDocuments>());

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(builder.Configuration.GetValue<TimeSpan?>("Gateway:RequestTimeout")), GatewayRoutes.Clusters())
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => IdentityTransform.Apply(
                context, context.Services.GetRequiredService<GatewayTrust>(), context.Services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    private static void AddAuthentication(this IHostApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddAuthentication(PlatformScheme)
            .AddPolicyScheme(PlatformScheme, "API key or bearer token", scheme => scheme.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null
                || !AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out _)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = auth.SigningKey is null ? null : DevTokenIssuer.Key(auth),
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        var user = context.Principal!;
                        var identity = (ClaimsIdentity)user.Identity!;
                        identity.AddClaim(new Claim(PlatformClaims.ActorKind, "person"));
                        identity.AddClaim(new Claim(PlatformClaims.RateKey,
                            $"user:{user.FindFirst(PlatformClaims.Tenant)?.Value}:{user.FindFirst(PlatformClaims.Subject)?.Value}"));
                        return Task.CompletedTask;
                    },
                };
            });
    }
}
