using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>gRPC calls carry the identity in metadata, signed for the call like the gateway's HTTP headers
/// (<see cref="GatewayTrust"/>) and checked by <see cref="TenantResolutionMiddleware"/>; a call without a valid one is
/// refused here, in gRPC's terms (Unauthenticated).</summary>
public sealed class TenantGrpcInterceptor(TenantContext tenant) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Require(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Require(context);
        return continuation(request, responseStream, context);
    }

    private void Require(ServerCallContext context)
    {
        if (!tenant.IsResolved || tenant.Identity.IsOperator)
        {
            var problem = context.GetHttpContext().Items[TenantResolutionMiddleware.GrpcRefusalItem] as string ?? "no identity";
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"Calls reach this service through the gateway or another platform service: {problem}."));
        }
    }
}

/// <summary>Call options that carry an identity to another service, signed for exactly this call: the service, the
/// method and the request as it goes on the wire.</summary>
public sealed class PlatformCallOptions(GatewayTrust trust, TimeProvider clock)
{
    public CallOptions For<TRequest>(PlatformIdentity identity, string service, string method, TRequest request, CancellationToken cancellationToken,
        TimeSpan deadline) where TRequest : IMessage
    {
        var metadata = new Metadata();
        var signed = new SignedRequest("POST", service, method, SignedRequest.HashOf(GrpcFrame(request)));
        foreach (var (name, value) in trust.Stamp(identity, signed, clock.GetUtcNow()))
        {
            metadata.Add(name, value);
        }

        return new(metadata, clock.GetUtcNow().UtcDateTime + deadline, cancellationToken);
    }

    /// <summary>A unary request's HTTP/2 body: an uncompressed gRPC frame (flag byte, big-endian length, message).</summary>
    public static byte[] GrpcFrame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>The path gRPC calls a method by: /{package.Service}/{Method}.</summary>
    public static string MethodPath(Google.Protobuf.Reflection.ServiceDescriptor service, string method) => $"/{service.FullName}/{method}";
}
