using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>Resolves the tenant of each API request from the x-tenant-id header (set by the gateway). Requests
/// without one act for the configured default tenant ("Tenancy:DefaultTenant", "demo"), so the README's curl
/// commands work as written; an invalid tenant id is refused with 400.</summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly string _defaultTenant = configuration["Tenancy:DefaultTenant"] ?? "demo";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, IProblemDetailsService problems)
    {
        var header = context.Request.Headers[Tenant.Header].ToString();
        if (header.Length > 0 && !Tenant.IsValid(header))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid tenant.",
                    Detail = "The x-tenant-id header must be lowercase letters, digits and dashes, up to 63 characters.",
                    Extensions = { ["errors"] = new Dictionary<string, string[]> { [Tenant.Header] = ["lowercase letters, digits and dashes, up to 63 characters"] } },
                },
            });
            return;
        }

        tenant.Set(header.Length > 0 ? header : _defaultTenant);
        await next(context);
    }
}

public static class TenantServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(provider => provider.GetRequiredService<TenantContext>());
        return services;
    }
}
