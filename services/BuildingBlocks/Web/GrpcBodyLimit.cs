using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EscalationPlatform.Web;

/// <summary>gRPC limits each message itself (MaxReceiveMessageSize, 1 MB) and answers RESOURCE_EXHAUSTED as
/// soon as a message's length prefix is over it. Kestrel's body limit would cut the call first (a 1 MB message
/// plus its prefix is over 1 MB) and the client would see UNKNOWN, so gRPC calls are left to gRPC's limit.</summary>
public static class GrpcBodyLimit
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static IApplicationBuilder UseGrpcOwnBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsGrpc(context.Request) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        return next(context);
    });
}
