using System.Diagnostics;
using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;

namespace Notification.Api.Deliveries;

/// <summary>What the delivery worker traces and counts, under the platform's source and meter.</summary>
internal static class NotificationTelemetry
{
    public static readonly ActivitySource Source = new(OpenTelemetryExtensions.PlatformSource);

    private static readonly Meter Meter = new(OpenTelemetryExtensions.PlatformSource);

    /// <summary>Tagged with the channel and the outcome: delivered, retry or dead.</summary>
    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>("notification.delivery.attempts", "{attempt}",
        "Delivery attempts (email or webhook) and how they ended.");

    public static readonly Histogram<double> Lateness = Meter.CreateHistogram<double>("notification.delivery.lateness", "ms",
        "How long after its due time an attempt started.");
}
