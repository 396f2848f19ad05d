using EscalationPlatform.Messaging.Signals;
using Intake.Api.Data;

namespace Intake.Api.Caching;

/// <summary>Invalidates what the database says changed (<see cref="ReadCacheTrigger"/>), from any intake; tells the
/// cache when notifications may be missed (it stops serving) and when they arrive again (it starts empty).</summary>
public sealed class ReadCacheListener(IServiceScopeFactory scopes, ReadCache cache, ILogger<ReadCacheListener> logger)
    : DatabaseListener<IntakeDbContext>(scopes, logger)
{
    protected override string Channel => ReadCacheTrigger.Channel;

    protected override void OnListening() => cache.Listening();

    protected override void OnNotification(string payload)
    {
        if (ReadCacheTrigger.TryParse(payload, out var id, out var tenant))
        {
            cache.Invalidate(id, tenant);
        }
        else
        {
            cache.Listening(); // not a payload of ours: drop everything rather than guess
        }
    }

    protected override void OnLost() => cache.Lost();
}
