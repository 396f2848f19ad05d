using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>gRPC calls carry the identity in metadata, signed like the gateway's HTTP headers
/// (<see cref="GatewayTrust"/>); a call without a valid one is refused (Unauthenticated).</summary>
public sealed class TenantGrpcInterceptor(TenantContext tenant, GatewayTrust trust, TimeProvider clock) : Interceptor
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
        var identity = trust.Verify(name => context.RequestHeaders.GetValue(name), clock.GetUtcNow(), out var problem)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, $"Calls reach this service through the gateway or another platform service: {problem}."));
        tenant.Set(identity);
    }
}

/// <summary>Call options that carry an identity to another service, signed.</summary>
public sealed class PlatformCallOptions(GatewayTrust trust, TimeProvider clock)
{
    public CallOptions For(PlatformIdentity identity, CancellationToken cancellationToken, TimeSpan deadline)
    {
        var metadata = new Metadata();
        foreach (var (name, value) in trust.Stamp(identity, clock.GetUtcNow()))
        {
            metadata.Add(name, value);
        }

        return new(metadata, clock.GetUtcNow().UtcDateTime + deadline, cancellationToken);
    }
}
