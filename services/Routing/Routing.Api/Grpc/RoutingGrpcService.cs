using EscalationPlatform.Contracts.Routing.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;
using Routing.Api.Offers;

namespace Routing.Api.Grpc;

/// <summary>escalation.routing.v1.Routing: who owns an escalation now.</summary>
public sealed class RoutingGrpcService(Ownerships ownerships, ITenantContext tenant) : EscalationPlatform.Contracts.Routing.V1.Routing.RoutingBase
{
    public override async Task<Ownership> WhoOwns(WhoOwnsRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.EscalationId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "escalation_id: not a valid id"));
        }

        return await ownerships.FindAsync(tenant.TenantId, id, context.CancellationToken) is { } view
            ? view.ToGrpc()
            : throw new RpcException(new Status(StatusCode.NotFound, $"no escalation '{id}' has been routed"));
    }
}
