using System.Diagnostics.Metrics;
using EscalationPlatform.ServiceDefaults;

namespace Triage.Api.Knowledge;

/// <summary>What the knowledge base does for the tenants, as OpenTelemetry counters (meter "EscalationPlatform"), per
/// tenant: cases deflected with a known error's workaround, and problem records raised.</summary>
public static class KnowledgeTelemetry
{
    private static readonly Meter Meter = new(OpenTelemetryExtensions.PlatformSource);
    private static readonly Counter<long> Deflected = Meter.CreateCounter<long>("triage.cases.deflected", "{case}", "Cases sent back to the frontline with a known error's workaround.");
    private static readonly Counter<long> Raised = Meter.CreateCounter<long>("triage.problems.raised", "{problem}", "Problem records raised from a pattern of escalations.");

    public static void CaseDeflected(string tenantId) => Deflected.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));

    public static void ProblemRaised(string tenantId) => Raised.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));
}
