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

    /// <summary>Publishes <paramref name="messages"/> pings (in chunks of 1,000 in flight) and returns the consume
    /// rate between the first and the last arrival.</summary>
    public static async Task<double> MeasureAsync(string connectionString, int messages, ushort prefetch)
    {
        var counter = new ArrivalCounter(messages);
        using var host = Build(connectionString, counter, prefetch);
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        foreach (var chunk in Enumerable.Range(0, messages).Chunk(1_000))
        {
            await Task.WhenAll(chunk.Select(number => bus.Publish(new Ping(number))));
        }

        await counter.WaitAsync(TimeSpan.FromMinutes(5));
        await host.StopAsync();
        return counter.Rate;
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
