using EscalationPlatform.Messaging.Inbox;
using EscalationPlatform.Messaging.Operations;
using EscalationPlatform.Messaging.Outbox;
using EscalationPlatform.Messaging.Recovery;
using EscalationPlatform.Messaging.Scheduling;
using EscalationPlatform.Messaging.Signals;
using MassTransit;
using MassTransit.Middleware.Outbox;
using MassTransit.Scheduling;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit on the "messaging" RabbitMQ connection, made durable on the service's DbContext:
    /// every consumer and saga runs in a transaction with an inbox record and an outbox; API endpoints that
    /// publish, send or schedule (IPublishEndpoint, ISendEndpointProvider, IMessageScheduler) write to the same
    /// outbox and commit with their SaveChanges; a delivery service hands the outbox to the broker (at once, or
    /// at the due time of a timer). Kebab-case endpoint names, publisher confirms, retries (immediate, then
    /// growing pauses, then delayed redelivery, then the error queue), and the operations surface.</summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(this IHostApplicationBuilder builder, Action<MessagingBuilder<TDbContext>> configure)
        where TDbContext : DbContext
    {
        var section = builder.Configuration.GetSection(MessagingOptions.Section);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        var connectionString = builder.Configuration.GetConnectionString(BrokerConnectionExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"No connection string '{BrokerConnectionExtensions.ConnectionName}' for RabbitMQ.");
        var endpoints = new ReceiveEndpointNames();

        builder.Services.Configure<MessagingOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddDatabaseSignal<TDbContext, OutboxSignal>();
        builder.Services.AddScoped<IOutboxWriter, OutboxWriter<TDbContext>>();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService<InboxCleanupService<TDbContext>>();
        builder.Services.AddHostedService<OutboxBacklogSampler<TDbContext>>();
        builder.Services.AddSingleton<ErrorQueueOperations>();
        builder.Services.AddSingleton<BrokerRecovery>(); // the outbox links it in; it never fires without FastRecovery
        if (options.FastRecovery)
        {
            builder.Services.AddSingleton(new FaultedEndpoints<IReceiveEndpoint>(minimumRestartInterval: TimeSpan.FromSeconds(2)));
            builder.Services.AddSingleton(new BrokerProbe(new Uri(connectionString)));
            builder.Services.AddReceiveEndpointObserver<EndpointFaultObserver>();
            builder.Services.AddHostedService<EndpointRecoveryService>();
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, includeNamespace: false));
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                endpoints.Add(name);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq)
                {
                    rabbitMq.PrefetchCount = Math.Max(options.PrefetchCount, rabbitMq.PrefetchCount); // a batch consumer may have asked for more
                    UseQuorumQueue(rabbitMq, options);
                }
            });
            configure(new MessagingBuilder<TDbContext>(bus));
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(new Uri(connectionString), host =>
                {
                    host.PublisherConfirmation = true;
                    host.Heartbeat(options.Heartbeat);
                });
                // Ahead of the retry filters, whose scopes would hide it from delayed redelivery.
                rabbitMq.AddPrePipeSpecification(new BusSchedulerFilter(context.GetRequiredService<IServiceScopeFactory>(), context));
                if (options.RedeliveryIntervals() is { Length: > 0 } redelivery)
                {
                    rabbitMq.UseScheduledRedelivery(retry => retry.Intervals(redelivery)); // through the outbox scheduler; "delayed" redelivery needs a broker plugin we do not have
                }

                rabbitMq.UseMessageRetry(retry => retry.Intervals(RetryIntervals(options)));
                rabbitMq.UseConsumeFilter(typeof(TransactionalConsumeFilter<>), context);
                rabbitMq.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true; // else messages published right after start can reach exchanges no queue is bound to yet
            host.StartTimeout = TimeSpan.FromMinutes(1);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        // Inside a request (or any scope), publishing, sending and scheduling go to the outbox of the scope's
        // DbContext and leave with its SaveChanges.
        builder.Services.Replace(ServiceDescriptor.Scoped<IPublishEndpoint>(services =>
            new PublishEndpoint(new OutboxPublishEndpointProvider(services.GetRequiredService<IOutboxWriter>(), services.GetRequiredService<IBus>()))));
        builder.Services.Replace(ServiceDescriptor.Scoped<ISendEndpointProvider>(services =>
            new OutboxSendEndpointProvider(services.GetRequiredService<IOutboxWriter>(), services.GetRequiredService<IBus>())));
        builder.Services.Replace(ServiceDescriptor.Scoped<IMessageScheduler>(services => new MessageScheduler(
            new OutboxScheduleMessageProvider(services.GetRequiredService<IOutboxWriter>(), services.GetRequiredService<ISendEndpointProvider>()),
            services.GetRequiredService<IBus>().Topology)));

        builder.AddBrokerConnection();
        return builder;
    }

    /// <summary>The endpoint's queue as a quorum queue when configured; its _error and _skipped queues copy its arguments.
    /// Only receive endpoints: the bus's own temporary queue stays classic (a quorum queue cannot be auto-deleted).</summary>
    private static void UseQuorumQueue(IRabbitMqReceiveEndpointConfigurator endpoint, MessagingOptions options)
    {
        if (!options.QuorumQueues)
        {
            return;
        }

        endpoint.SetQuorumQueue(options.QuorumReplicationFactor);
        if (options.QuorumDeliveryLimit is { } limit)
        {
            endpoint.SetQueueArgument("x-delivery-limit", limit);
        }
    }

    /// <summary>Immediate retries, then pauses doubling from 100 ms.</summary>
    public static TimeSpan[] RetryIntervals(MessagingOptions options) =>
    [
        .. Enumerable.Repeat(TimeSpan.Zero, options.ImmediateRetries),
        .. Enumerable.Range(0, options.ExponentialRetries).Select(attempt => TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt))),
    ];
}
