using System.Security.Claims;
using EscalationPlatform.Contracts;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Web.Tenancy;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>What the gateway tells a service about the caller: whatever identity headers the caller sent are
/// dropped, and the tenant and actor of the authenticated credential go on, signed (<see cref="GatewayTrust"/>).</summary>
public static class IdentityTransform
{
    public static void Apply(TransformBuilderContext builder, GatewayTrust trust, TimeProvider clock) =>
        builder.AddRequestTransform(context =>
        {
            var headers = context.ProxyRequest.Headers;
            foreach (var header in GatewayTrust.Headers)
            {
                headers.Remove(header);
            }

            if (IdentityOf(context.HttpContext.User) is { } identity)
            {
                foreach (var (name, value) in trust.Stamp(identity, clock.GetUtcNow()))
                {
                    headers.TryAddWithoutValidation(name, value);
                }
            }

            return ValueTask.CompletedTask;
        });

    public static PlatformIdentity? IdentityOf(ClaimsPrincipal user)
    {
        if (user.FindFirst(PlatformClaims.Tenant)?.Value is not { } tenant || !Tenant.IsValid(tenant))
        {
            return null;
        }

        var subject = user.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown";
        var kind = user.FindFirst(PlatformClaims.ActorKind)?.Value == "partner" ? ActorKind.Partner : ActorKind.Person;
        return new PlatformIdentity(tenant, new Actor(kind, subject, user.FindFirst(PlatformClaims.Name)?.Value ?? subject),
            user.FindFirst(PlatformClaims.Customer)?.Value);
    }
}
