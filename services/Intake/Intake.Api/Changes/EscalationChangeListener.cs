using EscalationPlatform.Messaging.Signals;
using Intake.Api.Caching;
using Intake.Api.Data;

namespace Intake.Api.Changes;

/// <summary>One connection per intake listening for the changes every intake commits (<see cref="ReadCacheTrigger"/>),
/// told to each observer: the read cache invalidates, the change feed tells its followers. A payload not of ours
/// makes every observer start over rather than guess.</summary>
public sealed class EscalationChangeListener(
    IServiceScopeFactory scopes, IEnumerable<IEscalationChangeObserver> observers, ILogger<EscalationChangeListener> logger)
    : DatabaseListener<IntakeDbContext>(scopes, logger)
{
    private readonly IEscalationChangeObserver[] _observers = [.. observers];

    protected override string Channel => ReadCacheTrigger.Channel;

    protected override void OnListening()
    {
        foreach (var observer in _observers)
        {
            observer.Listening();
        }
    }

    protected override void OnNotification(string payload)
    {
        if (ReadCacheTrigger.TryParseFeed(payload, out var feedTenant, out var person))
        {
            foreach (var observer in _observers)
            {
                observer.FeedChanged(feedTenant, person);
            }

            return;
        }

        var parsed = ReadCacheTrigger.TryParse(payload, out var id, out var tenant);
        foreach (var observer in _observers)
        {
            if (parsed)
            {
                observer.Changed(id, tenant);
            }
            else
            {
                observer.Listening();
            }
        }
    }

    protected override void OnLost()
    {
        foreach (var observer in _observers)
        {
            observer.Lost();
        }
    }
}
