using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationPlatform.Messaging.Signals;

/// <summary>Raises <typeparamref name="TSignal"/> for each notification on its channel, so work starts as soon as a
/// commit lands, from any instance of the service; and when the connection is lost or back, since anything may have
/// been committed meanwhile.</summary>
public sealed class DatabaseSignalListener<TDbContext, TSignal>(
    IServiceScopeFactory scopes, TSignal signal, ILogger<DatabaseSignalListener<TDbContext, TSignal>> logger)
    : DatabaseListener<TDbContext>(scopes, logger) where TDbContext : DbContext where TSignal : DatabaseSignal
{
    protected override string Channel => signal.Channel;

    protected override void OnListening() => signal.Raise();

    protected override void OnNotification(string payload) => signal.Raise();

    protected override void OnLost() => signal.Raise();
}
