using EscalationPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>Resolves who an API or gRPC request acts for. With the trust key configured (always outside
/// Development) the identity comes only from the headers the gateway (or a calling service) signed for exactly this
/// request (<see cref="GatewayTrust"/>); anything else is 401 (gRPC: Unauthenticated, raised by
/// <see cref="TenantGrpcInterceptor"/>). The platform operator reaches only the operations surface and /info; a
/// tenant's credential never reaches operations. Without a key (a service run on its own in Development) x-tenant-id
/// (default "Tenancy:DefaultTenant", "demo") and x-actor-* are taken as sent. Health, liveness and the OpenAPI
/// document need no identity.</summary>
public sealed class TenantResolutionMiddleware(
    RequestDelegate next, IConfiguration configuration, GatewayTrust trust, PlatformService service, TimeProvider clock)
{
    /// <summary>Where a gRPC call's refusal waits for the interceptor, which answers it in gRPC's terms.</summary>
    public const string GrpcRefusalItem = "platform-identity-refusal";

    private readonly string _defaultTenant = configuration["Tenancy:DefaultTenant"] ?? "demo";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, IProblemDetailsService problems)
    {
        var grpc = GrpcBodyLimit.IsGrpc(context.Request);
        if (!grpc && !NeedsIdentity(context.Request.Path))
        {
            await next(context);
            return;
        }

        var headers = context.Request.Headers;
        string? Header(string name) => headers.TryGetValue(name, out var value) && value.Count == 1 ? value.ToString() : null;
        if (headers.ContainsKey("Authorization") || headers.ContainsKey("X-Api-Key"))
        {
            // The gateway never passes a caller's credential on: one arriving here went around it.
            await RefuseAsync(context, problems, StatusCodes.Status401Unauthorized, "Not through the gateway.",
                "A caller's credential never reaches a service: send requests to the gateway.", "Authorization");
            return;
        }

        if (!trust.Enabled && Header(GatewayTrust.ActorKindHeader) != "operator")
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

        var body = await RequestBody.Sha256Async(context.Request, context.RequestAborted);
        var signed = new SignedRequest(context.Request.Method, service.Name, PathAndQuery(context.Request), body);
        var identity = trust.Verify(Header, signed, clock.GetUtcNow(), out var problem);
        if (identity is not null && PlatformPaths.IsOperations(context.Request.Path) != identity.IsOperator
            && !(identity.IsOperator && PlatformPaths.IsInfo(context.Request.Path)))
        {
            identity = null;
            problem = "operations need the platform operator's credential, and the operator reaches nothing else";
            if (!grpc)
            {
                await RefuseAsync(context, problems, StatusCodes.Status403Forbidden, "Not allowed for this credential.", problem, "Authorization");
                return;
            }
        }

        if (identity is null)
        {
            if (grpc)
            {
                context.Items[GrpcRefusalItem] = problem;
                await next(context);
                return;
            }

            await RefuseAsync(context, problems, StatusCodes.Status401Unauthorized, "Not through the gateway.",
                $"Requests reach this service through the gateway, which vouches for the caller: {problem}.", GatewayTrust.SignatureHeader);
            return;
        }

        tenant.Set(identity);
        await next(context);
    }

    public static string PathAndQuery(HttpRequest request) => request.Path.ToUriComponent() + request.QueryString.Value;

    /// <summary>The API (and the integration endpoints), not health, liveness or the OpenAPI document.</summary>
    private static bool NeedsIdentity(PathString path) =>
        (path.StartsWithSegments("/api") || path.StartsWithSegments("/integrations"))
        && !path.Value!.EndsWith("/openapi.json", StringComparison.Ordinal);

    private static ValueTask RefuseAsync(HttpContext context, IProblemDetailsService problems, int status, string title, string detail, string field) =>
        problems.WriteProblemAsync(context, FieldProblems.Create(status, title, detail, field));
}
