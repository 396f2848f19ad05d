using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EscalationPlatform.Messaging.Recovery;

/// <summary>Restarts receive endpoints that lost the broker as soon as it answers again, instead of waiting out
/// MassTransit's receive transport back-off (3 s doubling to 30 s, never reset). While an endpoint is faulted the
/// broker is probed every <see cref="ProbeInterval"/>; when it answers, each faulted endpoint is stopped and started
/// (public <see cref="IReceiveEndpoint"/> API, as MassTransit's kill switch does), which starts a fresh transport that
/// connects at once. Healthy endpoints are not touched. Messages in flight on the dead channel are redelivered by the
/// broker and dropped by the inbox.</summary>
internal sealed partial class EndpointRecoveryService(
    FaultedEndpoints<IReceiveEndpoint> faulted,
    BrokerProbe probe,
    BrokerRecovery recovery,
    TimeProvider clock,
    ILogger<EndpointRecoveryService> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(ProbeInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested || !faulted.Any || !await probe.AnswersAsync(stoppingToken))
            {
                continue;
            }

            var restarts = faulted.TakeDue(clock.GetUtcNow());
            if (restarts.Endpoints.Count == 0)
            {
                continue;
            }

            recovery.Signal();
            await Task.WhenAll(restarts.Endpoints.Select(endpoint => RestartAsync(endpoint, restarts.BrokerAway, stoppingToken)));
        }
    }

    private async Task RestartAsync(IReceiveEndpoint endpoint, TimeSpan brokerAway, CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            await endpoint.Stop(stoppingToken);
            await endpoint.Start(stoppingToken).Ready.WaitAsync(ReadyTimeout, stoppingToken);
            MessagingTelemetry.EndpointRestarts.Add(1);
            LogRestarted(endpoint.InputAddress, (long)brokerAway.TotalMilliseconds, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            LogRestartFailed(endpoint.InputAddress, error.Message); // still faulted: tried again when the broker next answers
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receive endpoint {InputAddress} restarted after the broker was away {BrokerAwayMs} ms, ready in {ReadyMs} ms")]
    private partial void LogRestarted(Uri inputAddress, long brokerAwayMs, long readyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {InputAddress} could not be restarted: {Reason}")]
    private partial void LogRestartFailed(Uri inputAddress, string reason);
}
