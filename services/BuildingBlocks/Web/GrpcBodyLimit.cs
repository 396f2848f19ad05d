using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EscalationPlatform.Web;

/// <summary>gRPC limits each message itself (MaxReceiveMessageSize, 1 MB) and answers RESOURCE_EXHAUSTED as
/// soon as a message's length prefix is over it. Kestrel's body limit would cut the call first (a 1 MB message
/// plus its prefix is over 1 MB) and the client would see UNKNOWN, so gRPC calls get a larger body limit and gRPC's
/// own limit decides. The body limit stays finite: the identity check reads the whole body to verify its hash.</summary>
public static class GrpcBodyLimit
{
    /// <summary>The most a gRPC call's body may carry before Kestrel cuts it (gRPC refuses a message over 1 MB first).</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static IApplicationBuilder UseGrpcOwnBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsGrpc(context.Request) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return next(context);
    });
}
