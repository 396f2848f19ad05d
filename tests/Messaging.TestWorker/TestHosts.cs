using EscalationPlatform.Messaging;
using EscalationPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Messaging.TestWorker;

/// <summary>The two test services: the worker (work, timers, counters) and downstream (what the worker publishes).</summary>
public static class TestHosts
{
    public const string Worker = "worker";
    public const string Downstream = "downstream";

    /// <summary>settings: ConnectionStrings:messaging, ConnectionStrings:database, and any Messaging:* option.</summary>
    public static IHost Build(string role, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Concurrency conflicts and saga insert races are expected here, and retried: their logs would drown the output.
        builder.Logging.AddFilter("MassTransit", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Logging.AddFilter("EscalationPlatform.Messaging.Recovery", LogLevel.Information); // endpoint restarts after a broker outage
        builder.Logging.AddSimpleConsole(console => console.TimestampFormat = "HH:mm:ss.fff ");
        var database = builder.Configuration.GetConnectionString("database");
        switch (role)
        {
            case Worker:
                builder.Services.AddDbContextPool<WorkerDbContext>(options => options.UseNpgsql(database));
                builder.AddMessaging<WorkerDbContext>(messaging => messaging
                    .AddConsumer<WorkConsumer>()
                    .AddConsumer<TimerFiredConsumer>()
                    .AddSagaStateMachine<CounterStateMachine, CounterState, CounterStateDefinition>());
                break;
            case Downstream:
                builder.Services.AddDbContextPool<DownstreamDbContext>(options => options.UseNpgsql(database));
                builder.AddMessaging<DownstreamDbContext>(messaging => messaging.AddConsumer<WorkDoneConsumer>());
                break;
            default:
                throw new ArgumentException($"Unknown role '{role}': use {Worker} or {Downstream}.", nameof(role));
        }

        return builder.Build();
    }

    /// <summary>Creates the tables and the outbox notification trigger (services get both from migrations).</summary>
    public static async Task CreateSchemaAsync(DbContext dbContext)
    {
        await dbContext.Database.EnsureCreatedAsync();
        await dbContext.Database.ExecuteSqlRawAsync(MessagingModel.CreateNotifyTriggerSql);
    }
}
