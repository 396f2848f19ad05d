namespace EscalationPlatform.Messaging;

/// <summary>Configuration section "Messaging".</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Messages delivered per outbox transaction.</summary>
    public int DeliveryBatchSize { get; set; } = 500;

    /// <summary>Longest the delivery service sleeps without a notification: the safety net if one is missed
    /// (for example while the listening connection reconnects). Commits and new earlier timers wake it at once.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch that cannot be handed to the broker within this time is rolled back and retried.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A timer that fires later than this after its due time is marked late (EP-Late-By-Ms).</summary>
    public TimeSpan LateThreshold { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a consumed message id is remembered; a copy arriving later would be consumed again.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan InboxCleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False stops delivery (messages stay in the outbox): an operational switch, and how tests stop a
    /// process between commit and delivery.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>Retries in-process: this many immediately, then <see cref="ExponentialRetries"/> with pauses
    /// doubling from 100 ms (while the database is unreachable, each after up to <see cref="DatabaseOutageWait"/>
    /// for it to answer), then delayed redelivery through the scheduler (<see cref="Redelivery"/>), then the error queue.</summary>
    public int ImmediateRetries { get; set; } = 3;

    public int ExponentialRetries { get; set; } = 5;

    /// <summary>Pauses before each delayed redelivery, separated by commas ("00:00:10,00:01:00"); empty for none.
    /// A string, because configuration binding appends to a list instead of replacing it.</summary>
    public string Redelivery { get; set; } = "00:00:10,00:01:00,00:05:00";

    public TimeSpan[] RedeliveryIntervals() =>
        [.. Redelivery.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TimeSpan.Parse)];

    /// <summary>An attempt that failed because the database is unreachable waits, up to this long, until it answers
    /// again before the next retry: a restart or failover outlasts the retries above, and delayed redelivery, which is
    /// scheduled through the same database, cannot help then (the message would end in the error queue).</summary>
    public TimeSpan DatabaseOutageWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Put before every queue name: a copy of a service with its own prefix consumes from queues of its
    /// own instead of competing with the real service (used by tests that run a deliberately broken copy).</summary>
    public string EndpointPrefix { get; set; } = "";

    /// <summary>Messages a receive endpoint fetches ahead and consumes concurrently.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>AMQP heartbeat: a connection that hears nothing from the broker for three of these is closed and
    /// replaced. RabbitMQ.Client does not always notice a broker's shutdown while publishes wait for confirms
    /// (rabbitmq-dotnet-client#1930), and with the broker's 60 s default the outbox then waited minutes on a dead
    /// connection; 10 s keeps that under half a minute without false alarms on a busy machine.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Restart receive endpoints that lost the broker as soon as it answers again (probed every 250 ms while
    /// one is faulted), and cut the outbox's sends waiting on the old connection, instead of waiting out MassTransit's
    /// receive transport back-off (3 s doubling to 30 s). False leaves recovery to MassTransit alone.</summary>
    public bool FastRecovery { get; set; } = true;

    /// <summary>Declare every receive endpoint's queue (and its _error and _skipped queues) as a quorum queue: replicated
    /// over the cluster's nodes, so a node's loss neither loses nor blocks its messages. On for a cluster (the production
    /// overlay); a broker's existing classic queue cannot be redeclared as quorum (docs/operations.md says how to switch).</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Nodes a new quorum queue is replicated on (x-quorum-initial-group-size); empty for all of the cluster's.</summary>
    public int? QuorumReplicationFactor { get; set; }

    /// <summary>Returns of one message a quorum queue allows before it drops it (x-delivery-limit); empty for the broker's
    /// default (none before RabbitMQ 4.0, 20 since). MassTransit never returns a failed message (it retries in process and
    /// then moves it to _error), so only crashes, lost connections and listings of an error queue count: set it well above them.</summary>
    public int? QuorumDeliveryLimit { get; set; }

    /// <summary>How often the delivery service counts its due, undelivered messages for the outbox.backlog gauge (what an
    /// autoscaler watches beside the queue length).</summary>
    public TimeSpan BacklogSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
