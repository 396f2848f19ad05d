using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;

namespace Insights.Api.Telemetry;

/// <summary>The headline numbers as OpenTelemetry metrics (meter "EscalationPlatform", shown in the Aspire dashboard): per
/// tenant, the open cases, those stalled now, MTTA and time to resolution (p50 over the last 7 days) and first-response
/// compliance, refreshed by <see cref="HeadlineRefresher"/>; and how many record changes the read model applied.</summary>
public sealed class InsightsTelemetry
{
    private static readonly Meter Meter = new(OpenTelemetryExtensions.PlatformSource);
    private readonly Counter<long> _applied = Meter.CreateCounter<long>("insights.changes.applied", "{change}", "Record changes applied to the insights read model.");
    private readonly Histogram<int> _batch = Meter.CreateHistogram<int>("insights.batch.size", "{change}", "Record changes applied per transaction.");
    private volatile IReadOnlyList<Headline> _headlines = [];

    public InsightsTelemetry()
    {
        Gauge("insights.cases.open", "{case}", "Open escalations.", headline => headline.Open);
        Gauge("insights.cases.stalled", "{case}", "Escalations stalled now: owned, with no action or customer update within their cadence.", headline => headline.Stalled);
        Gauge("insights.mtta.p50", "s", "Median time from offer to acknowledgement, last 7 days.", headline => headline.MttaP50);
        Gauge("insights.ttr.p50", "s", "Median time from submission to resolution, last 7 days.", headline => headline.TtrP50);
        Gauge("insights.sla.first_response.compliance", "1", "First-response clocks met over met and breached, last 7 days.", headline => headline.FirstResponseCompliance);
    }

    public void Applied(int changes)
    {
        _applied.Add(changes);
        _batch.Record(changes);
    }

    public void Update(IReadOnlyList<Headline> headlines) => _headlines = headlines;

    private void Gauge(string name, string unit, string description, Func<Headline, double?> value) =>
        Meter.CreateObservableGauge(name, () => _headlines
            .Where(headline => value(headline) is not null)
            .Select(headline => new Measurement<double>(value(headline)!.Value, new KeyValuePair<string, object?>("tenant", headline.TenantId))), unit, description);
}

public sealed record Headline(string TenantId, double Open, double Stalled, double? MttaP50, double? TtrP50, double? FirstResponseCompliance);
