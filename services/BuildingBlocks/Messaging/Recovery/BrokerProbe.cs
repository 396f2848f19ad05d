using RabbitMQ.Client;

namespace EscalationPlatform.Messaging.Recovery;

/// <summary>Whether the broker answers: an AMQP connection opened and closed (a TCP connect alone is not enough, the
/// port accepts before the node is ready), within a second.</summary>
internal sealed class BrokerProbe(Uri broker)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly ConnectionFactory _factory = new()
    {
        Uri = broker,
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = Timeout,
        HandshakeContinuationTimeout = Timeout,
    };

    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout * 2);
        try
        {
            await using var connection = await _factory.CreateConnectionAsync("broker-probe", timeout.Token);
            await connection.CloseAsync(timeout.Token);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
