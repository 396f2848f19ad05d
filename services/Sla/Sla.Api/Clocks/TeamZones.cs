using EscalationPlatform.Contracts.Routing.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;

namespace Sla.Api.Clocks;

/// <summary>The time zone of the team that owns an escalation, for a calendar that counts in it.</summary>
public interface ITeamZones
{
    /// <summary>The zone, or null when no team owns the escalation yet or routing could not be asked.</summary>
    Task<string?> ZoneOfAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken);
}

/// <summary>Asks routing who owns an escalation (escalation.routing.v1.Routing/WhoOwns) and takes its team's zone. Only
/// a policy with a calendar in the team's zone asks, and a slow or absent routing leaves the zone last known.</summary>
public sealed partial class RoutingTeamZones(Routing.RoutingClient routing, PlatformCallOptions calls, ILogger<RoutingTeamZones> logger) : ITeamZones
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private static readonly EscalationPlatform.Contracts.Actor Sla = EscalationPlatform.Contracts.Actor.Service("sla");
    private static readonly string WhoOwnsMethod = PlatformCallOptions.MethodPath(Routing.Descriptor, "WhoOwns");

    public async Task<string?> ZoneOfAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken)
    {
        var request = new WhoOwnsRequest { EscalationId = escalationId.ToString() };
        try
        {
            var ownership = await routing.WhoOwnsAsync(request,
                calls.For(new PlatformIdentity(tenantId, Sla), "routing", WhoOwnsMethod, request, cancellationToken, Deadline));
            return ownership.TeamTimeZone.Length > 0 ? ownership.TeamTimeZone : null;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null; // not routed yet
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(error.StatusCode, error.Status.Detail);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing could not be asked for a team's time zone ({StatusCode}: {Detail}); the zone last known counts")]
    private partial void LogUnavailable(StatusCode statusCode, string detail);
}
