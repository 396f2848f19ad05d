using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using Intake.Api.Views;

namespace Intake.Api.Changes;

/// <summary>What a follower is told: an escalation that changed, or (no id) that it should read everything again.</summary>
public sealed record ChangeEvent(Guid? Id);

/// <summary>GET /api/v1/escalations/changes: server-sent events of the caller's tenant ("changed" with the record's
/// id), or of one escalation (?escalationId=). "ready" once following, "resync" when changes may have been missed,
/// and a "heartbeat" while quiet, so that a broken connection is noticed by both ends.</summary>
public static class ChangeStream
{
    public const string Ready = "ready";
    public const string Changed = "changed";
    public const string Resync = "resync";
    public const string Heartbeat = "heartbeat";
    public const string Feed = "feed";

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder escalations) =>
        escalations.MapGet("/changes", FollowAsync)
            .WithSummary("Server-sent events: \"changed\" with the id of each of the tenant's escalations (or of one: escalationId) as it changes, " +
                "\"resync\" when some may have been missed, \"feed\" when the caller's in-app feed has new entries, \"heartbeat\" while quiet.");

    private static async Task<IResult> FollowAsync(
        ChangeFeed feed, EscalationQueries queries, ITenantContext tenant, IHostApplicationLifetime lifetime, HttpContext http, Guid? escalationId = null)
    {
        if (escalationId is { } id && !await queries.ExistsAsync(tenant.Identity, id, http.RequestAborted))
        {
            return Problems.NotFound("escalation", id.ToString());
        }

        if (escalationId is null && tenant.CustomerId is not null)
        {
            return Problems.Forbidden("A credential bound to a customer follows one escalation at a time: give its id.", "escalationId");
        }

        var follower = feed.Follow(tenant.TenantId, escalationId, tenant.CustomerId is null ? tenant.Actor.Id : null);
        var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping); // a stopping service ends its streams
        http.Response.RegisterForDispose(ends);
        http.Response.RegisterForDispose(follower);
        return TypedResults.ServerSentEvents(EventsAsync(follower, ends.Token));
    }

    private static async IAsyncEnumerable<SseItem<ChangeEvent>> EventsAsync(ChangeFeed.Follower follower, [EnumeratorCancellation] CancellationToken ends)
    {
        yield return new SseItem<ChangeEvent>(new ChangeEvent(follower.EscalationId), Ready);
        while (!ends.IsCancellationRequested)
        {
            while (follower.TryTake(out var change))
            {
                yield return change switch
                {
                    null => new SseItem<ChangeEvent>(new ChangeEvent(null), Resync),
                    { } id when id == ChangeFeed.FeedMarker => new SseItem<ChangeEvent>(new ChangeEvent(null), Feed),
                    { } id => new SseItem<ChangeEvent>(new ChangeEvent(id), Changed),
                };
            }

            if (!await WaitAsync(follower, ends))
            {
                yield return new SseItem<ChangeEvent>(new ChangeEvent(null), Heartbeat);
            }
        }
    }

    /// <summary>True when a change is waiting, false after a quiet heartbeat interval (or when the stream ends).</summary>
    private static async Task<bool> WaitAsync(ChangeFeed.Follower follower, CancellationToken ends)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ends);
        quiet.CancelAfter(HeartbeatInterval);
        try
        {
            return await follower.Changes.WaitToReadAsync(quiet.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
