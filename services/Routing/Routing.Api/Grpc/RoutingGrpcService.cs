using EscalationPlatform.Contracts.Routing.V1;
using EscalationPlatform.Web.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.Offers;
using Routing.Api.Schedules;

namespace Routing.Api.Grpc;

/// <summary>escalation.routing.v1.Routing: who owns an escalation now, and who is on call in a schedule.</summary>
public sealed class RoutingGrpcService(Ownerships ownerships, OnCallLookup schedules, ITenantContext tenant, TimeProvider clock)
    : EscalationPlatform.Contracts.Routing.V1.Routing.RoutingBase
{
    public override async Task<OnCall> OnCallNow(OnCallNowRequest request, ServerCallContext context)
    {
        var at = request.At?.ToDateTimeOffset() ?? clock.GetUtcNow();
        if (await schedules.FindAsync(tenant.TenantId, request.ScheduleId, context.CancellationToken) is not { } resolved)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no schedule '{request.ScheduleId}'"));
        }

        if (resolved.Schedule is null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "the schedule names someone who is no longer in any team"));
        }

        var answer = new OnCall { ScheduleId = request.ScheduleId, At = Timestamp.FromDateTimeOffset(at) };
        if (resolved.At(at) is { } onCall)
        {
            (answer.Member, answer.Source) = (new Member { Id = onCall.Member.Id, Name = onCall.Member.Name, Email = onCall.Member.Email }, onCall.Source);
        }

        return answer;
    }

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
