using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>Counts the outbox's due, undelivered messages every <see cref="MessagingOptions.BacklogSampleInterval"/> for
/// the outbox.backlog gauge. A growing backlog means the service commits faster than it reaches the broker: an
/// autoscaler adds replicas on it (their delivery services share the table), an operator looks at the broker.</summary>
public sealed partial class OutboxBacklogSampler<TDbContext> : PeriodicService where TDbContext : DbContext
{
    public const string GaugeName = "outbox.backlog";

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<OutboxBacklogSampler<TDbContext>> _logger;
    private long _backlog;

    /// <summary>The gauge comes from the host's meter factory, so that each host (a test runs several in one process)
    /// reports its own outbox.</summary>
    public OutboxBacklogSampler(IServiceScopeFactory scopes, IOptions<MessagingOptions> options, TimeProvider clock, IMeterFactory meters,
        ILogger<OutboxBacklogSampler<TDbContext>> logger)
        : base(options.Value.BacklogSampleInterval, clock)
    {
        _scopes = scopes;
        _logger = logger;
        meters.Create(OpenTelemetryExtensions.PlatformSource).CreateObservableGauge(GaugeName, () => Interlocked.Read(ref _backlog), "{message}",
            "Outbox messages due and not yet handed to the broker, at the last count.");
    }

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        Interlocked.Exchange(ref _backlog, await dbContext.Set<OutboxMessage>().LongCountAsync(message => message.DueAt <= now, stoppingToken));
    }

    /// <summary>The gauge keeps its last value; the database's outage shows in the health checks.</summary>
    protected override void OnFailed(Exception error) => LogSampleFailed(error.Message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting the outbox backlog failed, trying again later: {Reason}")]
    private partial void LogSampleFailed(string reason);
}
