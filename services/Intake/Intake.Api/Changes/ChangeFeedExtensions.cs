namespace Intake.Api.Changes;

public static class ChangeFeedExtensions
{
    /// <summary>The change feed (what the portal's live queues and case pages follow) and the listener that tells it, and
    /// the read cache when it is on (<see cref="Caching.ReadCacheExtensions"/>), of every change.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services) =>
        services.AddSingleton<ChangeFeed>()
            .AddSingleton<IEscalationChangeObserver>(provider => provider.GetRequiredService<ChangeFeed>())
            .AddHostedService<EscalationChangeListener>();
}
