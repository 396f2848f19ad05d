using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>Healthy when an AMQP connection opens: the TCP port alone opens before the broker can serve.</summary>
public sealed class RabbitMqHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_connection is not { IsOpen: true })
            {
                if (_connection is not null)
                {
                    await _connection.DisposeAsync();
                }

                _connection = await new ConnectionFactory { Uri = new Uri(connectionString), ClientProvidedName = "apphost-health" }
                    .CreateConnectionAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception error)
        {
            _connection = null;
            return HealthCheckResult.Unhealthy(error.Message, error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
