using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;

namespace Intake.Api.Views;

/// <summary>A clock as of now, as the sla service computes it: with the time elapsed and paused on its calendar.</summary>
public sealed record ClockStatusView(
    string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? DueAt, long TargetSeconds, long ElapsedSeconds, int PercentElapsed,
    long PausedSeconds, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt, string Calendar);

/// <summary>The SLA status of an escalation as the sla service reports it now (GET /api/v1/escalations/{id}/clocks);
/// <c>Available</c> is false when it could not be asked (the answer is still given, without clocks).</summary>
public sealed record SlaStatusView(bool Available, bool Breached, DateTimeOffset? NextUpdateDue, IReadOnlyList<ClockStatusView> Clocks)
{
    public static readonly SlaStatusView Unavailable = new(false, false, null, []);

    /// <summary>Known to sla, but no clocks yet (not triaged yet, or sla has not caught up).</summary>
    public static readonly SlaStatusView NotStarted = new(true, false, null, []);
}

/// <summary>Asks the sla service for an escalation's clocks as of now over gRPC (escalation.sla.v1.Sla/GetStatus), for
/// the detailed clock view; the record itself carries the clocks sla announced and asks nobody. A slow or absent sla
/// service degrades the answer instead of failing it.</summary>
public sealed partial class SlaClocks(Sla.SlaClient client, PlatformCallOptions calls, ILogger<SlaClocks> logger)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private static readonly EscalationPlatform.Contracts.Actor Intake = EscalationPlatform.Contracts.Actor.Service("intake");

    private static readonly string GetStatusMethod = PlatformCallOptions.MethodPath(Sla.Descriptor, "GetStatus");

    public async Task<SlaStatusView> ForAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken)
    {
        var request = new GetStatusRequest { EscalationIds = { escalationId.ToString() } };
        try
        {
            var response = await client.GetStatusAsync(request,
                calls.For(new PlatformIdentity(tenantId, Intake), "sla", GetStatusMethod, request, cancellationToken, Deadline));
            return response.Escalations.SingleOrDefault() is { } escalation
                ? new SlaStatusView(true, escalation.Breached, escalation.NextUpdateDue?.ToDateTimeOffset(), [.. escalation.Clocks.Select(View)])
                : SlaStatusView.NotStarted;
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(error.StatusCode, error.Status.Detail);
            return SlaStatusView.Unavailable;
        }
    }

    private static ClockStatusView View(Clock clock) => new(
        clock.Kind, clock.State, clock.StartedAt.ToDateTimeOffset(), clock.DueAt?.ToDateTimeOffset(), clock.TargetSeconds, clock.ElapsedSeconds,
        clock.PercentElapsed, clock.PausedSeconds, clock.MetAt?.ToDateTimeOffset(), clock.BreachedAt?.ToDateTimeOffset(), clock.Calendar);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA clocks unavailable ({StatusCode}: {Detail}); answering without them")]
    private partial void LogUnavailable(StatusCode statusCode, string detail);
}
