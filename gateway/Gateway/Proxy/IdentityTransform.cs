using System.Security.Claims;
using EscalationPlatform.Contracts;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace EscalationPlatform.Gateway.Proxy;

/// <summary>What the gateway tells a service about the caller: every credential and identity header the caller sent
/// is dropped, and the identity of the authenticated credential goes on, signed for exactly this request (its
/// method, the service, the path and query, the body's hash; <see cref="GatewayTrust"/>).</summary>
public static class IdentityTransform
{
    /// <summary>Headers that carry a caller's credentials: a service never sees them.</summary>
    public static readonly string[] CredentialHeaders = ["Authorization", ApiKeyAuthenticationHandler.Header, "Cookie", "Proxy-Authorization"];

    public static void Apply(TransformBuilderContext builder, GatewayTrust trust, TimeProvider clock)
    {
        var service = GatewayRoutes.ServiceOf(builder.Route.ClusterId ?? "");
        builder.AddRequestTransform(async context =>
        {
            var headers = context.ProxyRequest.Headers;
            foreach (var header in GatewayTrust.Headers.Concat(CredentialHeaders))
            {
                headers.Remove(header);
            }

            if (IdentityOf(context.HttpContext.User) is not { } identity)
            {
                return;
            }

            var body = await RequestBody.Sha256Async(context.HttpContext.Request, context.HttpContext.RequestAborted);
            var request = new SignedRequest(context.HttpContext.Request.Method, service, context.Path.ToUriComponent() + context.Query.QueryString.Value, body);
            foreach (var (name, value) in trust.Stamp(identity, request, clock.GetUtcNow()))
            {
                headers.TryAddWithoutValidation(name, value);
            }
        });
    }

    public static PlatformIdentity? IdentityOf(ClaimsPrincipal user)
    {
        var subject = user.FindFirst(PlatformClaims.Subject)?.Value ?? "unknown";
        var name = user.FindFirst(PlatformClaims.Name)?.Value ?? subject;
        var kind = user.FindFirst(PlatformClaims.ActorKind)?.Value;
        if (kind == "operator")
        {
            return PlatformIdentity.Operator(subject, name);
        }

        if (user.FindFirst(PlatformClaims.Tenant)?.Value is not { } tenant || !Tenant.IsValid(tenant))
        {
            return null;
        }

        var roles = user.FindAll(PlatformClaims.Role).Select(role => role.Value).Where(Roles.All.Contains).Distinct().ToList();
        return new PlatformIdentity(tenant, new Actor(kind == "partner" ? ActorKind.Partner : ActorKind.Person, subject, name),
            user.FindFirst(PlatformClaims.Customer)?.Value, roles.Count == 0 ? null : roles);
    }
}
