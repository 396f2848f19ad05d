using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sla.Api.Clocks;

namespace Sla.Api.Grpc;

/// <summary>escalation.sla.v1.Sla: the clocks of up to 500 escalations per call.</summary>
public sealed class SlaGrpcService(ClockReports reports, ITenantContext tenant) : EscalationPlatform.Contracts.Sla.V1.Sla.SlaBase
{
    public override async Task<GetStatusResponse> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        if (request.EscalationIds.Count > ClockReports.MaxPerCall)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"escalation_ids: at most {ClockReports.MaxPerCall} per call"));
        }

        var ids = new List<Guid>(request.EscalationIds.Count);
        foreach (var id in request.EscalationIds)
        {
            ids.Add(Guid.TryParse(id, out var parsed) ? parsed : throw new RpcException(new Status(StatusCode.InvalidArgument, $"escalation_ids: '{id}' is not an id")));
        }

        var response = new GetStatusResponse();
        foreach (var escalation in await reports.ForAsync(tenant.TenantId, ids, context.CancellationToken))
        {
            var clocks = new EscalationClocks { EscalationId = escalation.EscalationId.ToString(), Breached = escalation.Breached };
            if (escalation.NextUpdateDue is { } nextUpdate)
            {
                clocks.NextUpdateDue = Timestamp.FromDateTimeOffset(nextUpdate);
            }

            clocks.Clocks.AddRange(escalation.Clocks.Select(Clock));
            response.Escalations.Add(clocks);
        }

        return response;
    }

    private static Clock Clock(ClockView view)
    {
        var clock = new Clock
        {
            Kind = KebabEnum<EscalationPlatform.Contracts.ClockKind>.Name(view.Kind),
            State = view.State,
            StartedAt = Timestamp.FromDateTimeOffset(view.StartedAt),
            TargetSeconds = view.TargetSeconds,
            ElapsedSeconds = view.ElapsedSeconds,
            PercentElapsed = view.PercentElapsed,
            PausedSeconds = view.PausedSeconds,
            Calendar = KebabEnum<EscalationPlatform.Contracts.CalendarKind>.Name(view.Calendar),
        };
        if (view.DueAt is { } due)
        {
            clock.DueAt = Timestamp.FromDateTimeOffset(due);
        }

        if (view.MetAt is { } met)
        {
            clock.MetAt = Timestamp.FromDateTimeOffset(met);
        }

        if (view.BreachedAt is { } breached)
        {
            clock.BreachedAt = Timestamp.FromDateTimeOffset(breached);
        }

        return clock;
    }
}
