using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Web.Tenancy;

namespace EscalationPlatform.Gateway.Middleware;

/// <summary>For the gateway's own endpoints (the admin API): the tenant and actor of the authenticated credential.</summary>
public sealed class TenantFromCredential(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        if (IdentityTransform.IdentityOf(context.User) is { } identity)
        {
            tenant.Set(identity);
        }

        return next(context);
    }
}
