using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;

namespace EscalationPlatform.Messaging;

/// <summary>What the messaging layer counts, under the platform's meter.</summary>
internal static class MessagingTelemetry
{
    private static readonly Meter Meter = new(OpenTelemetryExtensions.PlatformSource);

    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("outbox.delivered", "{message}", "Messages handed from the outbox to the broker.");

    public static readonly Counter<long> DeliveryFailed = Meter.CreateCounter<long>("outbox.delivery_failed", "{message}", "Outbox messages the broker did not take; retried.");

    public static readonly Counter<long> Expired = Meter.CreateCounter<long>("outbox.expired", "{message}", "Outbox messages dropped because their time to live passed.");

    public static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>("outbox.timer_lateness", "ms", "How long after its due time a scheduled message was handed to the broker.");

    public static readonly Counter<long> EndpointRestarts = Meter.CreateCounter<long>("messaging.endpoint.restarts", "{endpoint}", "Receive endpoints restarted because the broker answered again after an outage.");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("inbox.duplicates", "{message}", "Messages an endpoint had already consumed, acknowledged without effect.");
}
