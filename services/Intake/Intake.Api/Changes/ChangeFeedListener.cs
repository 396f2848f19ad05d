using EscalationPlatform.Messaging.Signals;
using Intake.Api.Caching;
using Intake.Api.Data;

namespace Intake.Api.Changes;

/// <summary>Hears the database's change notifications (<see cref="ReadCacheTrigger"/>, committed by any intake) and
/// tells the <see cref="ChangeFeed"/>; after a lost connection, its followers read everything again.</summary>
public sealed class ChangeFeedListener(IServiceScopeFactory scopes, ChangeFeed feed, ILogger<ChangeFeedListener> logger)
    : DatabaseListener<IntakeDbContext>(scopes, logger)
{
    protected override string Channel => ReadCacheTrigger.Channel;

    protected override void OnListening() => feed.Resync();

    protected override void OnNotification(string payload)
    {
        if (ReadCacheTrigger.TryParse(payload, out var id, out var tenant))
        {
            feed.Changed(id, tenant);
        }
    }

    protected override void OnLost() => feed.Resync();
}
