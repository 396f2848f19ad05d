using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;

namespace Intake.Api.Views;

public sealed record ClockView(
    string Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? DueAt, long TargetSeconds, long ElapsedSeconds, int PercentElapsed,
    long PausedSeconds, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt, string Calendar);

/// <summary>The SLA status of an escalation as the sla service reports it; <c>Available</c> is false when it
/// could not be asked (the record is still served, without clocks).</summary>
public sealed record SlaView(bool Available, bool Breached, DateTimeOffset? NextUpdateDue, IReadOnlyList<ClockView> Clocks)
{
    public static readonly SlaView Unavailable = new(false, false, null, []);

    /// <summary>Known to sla, but no clocks yet (not triaged yet, or sla has not caught up).</summary>
    public static readonly SlaView NotStarted = new(true, false, null, []);
}

/// <summary>Asks the sla service for clocks over gRPC (escalation.sla.v1.Sla/GetStatus), a page of escalations per
/// call. A slow or absent sla service degrades the answer instead of failing it.</summary>
public sealed partial class SlaClocks(Sla.SlaClient client, PlatformCallOptions calls, ILogger<SlaClocks> logger)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private static readonly EscalationPlatform.Contracts.Actor Intake = EscalationPlatform.Contracts.Actor.Service("intake");

    private static readonly string GetStatusMethod = PlatformCallOptions.MethodPath(Sla.Descriptor, "GetStatus");

    public async Task<IReadOnlyDictionary<Guid, SlaView>?> ForAsync(string tenantId, IReadOnlyCollection<Guid> escalationIds, CancellationToken cancellationToken)
    {
        if (escalationIds.Count == 0)
        {
            return new Dictionary<Guid, SlaView>();
        }

        var request = new GetStatusRequest();
        request.EscalationIds.AddRange(escalationIds.Select(id => id.ToString()));
        try
        {
            var response = await client.GetStatusAsync(request,
                calls.For(new PlatformIdentity(tenantId, Intake), "sla", GetStatusMethod, request, cancellationToken, Deadline));
            return response.Escalations.ToDictionary(
                escalation => Guid.Parse(escalation.EscalationId),
                escalation => new SlaView(true, escalation.Breached, escalation.NextUpdateDue?.ToDateTimeOffset(), [.. escalation.Clocks.Select(View)]));
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(error.StatusCode, error.Status.Detail);
            return null;
        }
    }

    private static ClockView View(Clock clock) => new(
        clock.Kind, clock.State, clock.StartedAt.ToDateTimeOffset(), clock.DueAt?.ToDateTimeOffset(), clock.TargetSeconds, clock.ElapsedSeconds,
        clock.PercentElapsed, clock.PausedSeconds, clock.MetAt?.ToDateTimeOffset(), clock.BreachedAt?.ToDateTimeOffset(), clock.Calendar);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA clocks unavailable ({StatusCode}: {Detail}); answering without them")]
    private partial void LogUnavailable(StatusCode statusCode, string detail);
}
