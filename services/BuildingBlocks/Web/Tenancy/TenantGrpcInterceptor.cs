using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>gRPC calls carry the tenant in the x-tenant-id metadata header; a call without a valid one is refused.</summary>
public sealed class TenantGrpcInterceptor(TenantContext tenant) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(request, responseStream, context);
    }

    private void Resolve(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue(Tenant.Header);
        if (!Tenant.IsValid(header))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The x-tenant-id metadata header is missing or invalid."));
        }

        tenant.Set(header!);
    }

    /// <summary>Call options that carry a tenant, for clients.</summary>
    public static CallOptions For(string tenantId, CancellationToken cancellationToken, TimeSpan? deadline = null) =>
        new(new Metadata { { Tenant.Header, tenantId } }, DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(5)), cancellationToken);
}
