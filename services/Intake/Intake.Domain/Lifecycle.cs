using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>The escalation lifecycle of SPEC §3: which status may follow which.</summary>
public static class Lifecycle
{
    private static readonly IReadOnlyDictionary<EscalationStatus, EscalationStatus[]> Next = new Dictionary<EscalationStatus, EscalationStatus[]>
    {
        [Submitted] = [Triaged, NeedsInformation, Deflected, Cancelled],
        [NeedsInformation] = [Triaged, Cancelled],
        [Triaged] = [Assigned, Cancelled],
        [Assigned] = [Acknowledged, Cancelled],
        [Acknowledged] = [InProgress, Cancelled],
        [InProgress] = [WaitingOnCustomer, Resolved, Cancelled],
        [WaitingOnCustomer] = [InProgress, Cancelled],
        [Resolved] = [Closed, Reopened],
        [Closed] = [Reopened],
        [Reopened] = [InProgress, Cancelled],
        [Deflected] = [],
        [Cancelled] = [],
    };

    public static bool CanMove(EscalationStatus from, EscalationStatus to) => Next[from].Contains(to);

    /// <summary>Open: someone still has work to do on it (anything but resolved, closed, cancelled or deflected).</summary>
    public static bool IsOpen(EscalationStatus status) => status is not (Resolved or Closed or Cancelled or Deflected);

    public static IReadOnlyList<EscalationStatus> From(EscalationStatus status) => Next[status];

    /// <summary>A monitoring source (PagerDuty, Alertmanager) resolves what it raised from any open status: the
    /// alert cleared, whether or not anyone had started on it.</summary>
    public static bool CanResolveAtSource(EscalationStatus status) => IsOpen(status);
}
