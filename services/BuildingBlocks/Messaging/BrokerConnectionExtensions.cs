using EscalationPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace EscalationPlatform.Messaging;

public static class BrokerConnectionExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>A RabbitMQ connection for the service (operations and diagnostics) and a readiness check named
    /// "rabbitmq" that fails while the broker is unreachable.</summary>
    public static TBuilder AddBrokerConnection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var traced = builder.HasTelemetryCollector();
        builder.AddRabbitMQClient(ConnectionName, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableTracing = !traced;
        });
        builder.Services.AddHealthChecks().AddRabbitMQ(
            services => services.GetRequiredService<IConnection>(), "rabbitmq", tags: [Extensions.DependencyTag]);
        return builder;
    }
}
