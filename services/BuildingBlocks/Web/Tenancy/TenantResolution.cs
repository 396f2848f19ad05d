using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>Resolves who an API request acts for. With the gateway's trust key configured (always, when the app
/// host runs the platform) the identity comes only from the headers the gateway signed (<see cref="GatewayTrust"/>);
/// anything else is 401. A service run on its own, without a key, takes x-tenant-id (default
/// "Tenancy:DefaultTenant", "demo") and x-actor-* as sent. Health, liveness and the OpenAPI document need no tenant.</summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IConfiguration configuration, GatewayTrust trust, TimeProvider clock)
{
    private readonly string _defaultTenant = configuration["Tenancy:DefaultTenant"] ?? "demo";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, IProblemDetailsService problems)
    {
        if (!NeedsTenant(context.Request.Path))
        {
            await next(context);
            return;
        }

        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) && value.Count == 1 ? value.ToString() : null;
        if (!trust.Enabled)
        {
            var header = Header(Tenant.Header);
            if (header is not null && !Tenant.IsValid(header))
            {
                await RefuseAsync(context, problems, StatusCodes.Status400BadRequest, "Invalid tenant.",
                    "The x-tenant-id header must be lowercase letters, digits and dashes, up to 63 characters.", Tenant.Header);
                return;
            }

            headers[Tenant.Header] = header ?? _defaultTenant;
        }

        var identity = trust.Verify(Header, clock.GetUtcNow(), out var problem);
        if (identity is null)
        {
            await RefuseAsync(context, problems, StatusCodes.Status401Unauthorized, "Not through the gateway.",
                $"Requests reach this service through the gateway, which vouches for the caller: {problem}.", GatewayTrust.SignatureHeader);
            return;
        }

        tenant.Set(identity);
        await next(context);
    }

    /// <summary>The API (and the integration endpoints), not health, liveness or the OpenAPI document.</summary>
    private static bool NeedsTenant(PathString path) =>
        (path.StartsWithSegments("/api") || path.StartsWithSegments("/integrations"))
        && !path.Value!.EndsWith("/openapi.json", StringComparison.Ordinal);

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, int status, string title, string detail, string field)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
            },
        });
    }
}

public static class TenantServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayTrust>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(provider => provider.GetRequiredService<TenantContext>());
        return services;
    }
}
