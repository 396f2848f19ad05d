using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Work done at start-up and then every <paramref name="interval"/> until the host stops (cleanups, counts,
/// announcements made good). A round that fails is reported to <see cref="OnFailed"/>, and the next round tries again.</summary>
public abstract class PeriodicService(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    /// <summary>One round of the work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>A round failed (the host is not stopping); typically a log line: the next round makes it good.</summary>
    protected abstract void OnFailed(Exception error);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    OnFailed(error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
