using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationPlatform.Messaging.Signals;

public static class SignalServiceExtensions
{
    /// <summary>The signal <typeparamref name="TSignal"/> as a singleton, raised by a listener on the database of
    /// <typeparamref name="TDbContext"/>.</summary>
    public static IServiceCollection AddDatabaseSignal<TDbContext, TSignal>(this IServiceCollection services)
        where TDbContext : DbContext where TSignal : DatabaseSignal
    {
        services.TryAddSingleton<TSignal>();
        services.AddHostedService<DatabaseSignalListener<TDbContext, TSignal>>();
        return services;
    }
}
