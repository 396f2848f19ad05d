using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Benchmarks.Messaging;

public sealed record Ping(int Number);

/// <summary>Plain MassTransit on RabbitMQ (publisher confirms, the same prefetch as the platform) with a consumer
/// that only counts: the ceiling everything else is compared with.</summary>
public static class RawBus
{
    public static IHost Build(string connectionString, ArrivalCounter counter, ushort prefetch)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(counter);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<CountingConsumer>();
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(new Uri(connectionString), host => host.PublisherConfirmation = true);
                rabbitMq.PrefetchCount = prefetch;
                rabbitMq.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        return builder.Build();
    }

    public sealed class CountingConsumer(ArrivalCounter counter) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            counter.Arrived();
            return Task.CompletedTask;
        }
    }
}
