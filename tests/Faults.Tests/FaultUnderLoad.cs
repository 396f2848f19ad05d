using EscalationPlatform.Harness;
using EscalationPlatform.Harness.Load;

namespace Faults.Tests;

/// <summary>A short steady load through the gateway (8 escalations/s for 24 s, as an agent of the tenant) with the fault
/// injected 8 s in; once the platform is quiet, every escalation that was accepted must exist once, be owned and on the
/// clock (or wait for its facts), have taken each step once, and have told its people once.</summary>
internal static class FaultUnderLoad
{
    /// <summary>The audit, clean and with more than 100 accepted escalations, and when the fault was over.</summary>
    public static async Task<(AuditReport Audit, DateTimeOffset FaultOver)> AuditAsync(PlatformHost platform, string tenant, Func<Task> fault,
        CancellationToken cancellationToken)
    {
        using var load = new LoadDriver(platform.Endpoint("gateway"), await platform.TokenAsync(tenant, "load", "agent"),
            new CaseMix($"{tenant[..2]}-{Guid.NewGuid():N}"[..11]));
        var running = load.RunAtRateAsync(perSecond: 8, TimeSpan.FromSeconds(24), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        await fault();
        var faultOver = DateTimeOffset.UtcNow;
        await running;

        using var gateway = await platform.GatewayAsAsync(tenant);
        using var mail = platform.CreateClient("mail");
        var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(2), cancellationToken);
        Assert.True(audit.Accepted > 100, $"only {audit.Accepted} submissions were accepted");
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal((0, 0, 0), (audit.Lost, audit.Duplicated, audit.Stuck));
        Assert.True(audit.SubmissionToOwned.Count > 0);
        return (audit, faultOver);
    }
}
