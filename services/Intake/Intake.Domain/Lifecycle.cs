using EscalationPlatform.Contracts;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Domain;

/// <summary>By which rule a status move is allowed: the lifecycle table, or a monitoring source resolving what it
/// raised.</summary>
public enum MoveRule
{
    Table,
    SourceResolution,
}

/// <summary>A status move a decision makes, and the rule it claims.</summary>
public sealed record StatusMove(EscalationStatus From, EscalationStatus To, MoveRule Rule = MoveRule.Table);

/// <summary>The escalation lifecycle of SPEC §3: which status may follow which, and which statuses are over.</summary>
public static class Lifecycle
{
    private static readonly IReadOnlyDictionary<EscalationStatus, EscalationStatus[]> Next = new Dictionary<EscalationStatus, EscalationStatus[]>
    {
        [Submitted] = [Triaged, NeedsInformation, Deflected, Cancelled],
        [NeedsInformation] = [Triaged, Deflected, Cancelled],
        [Triaged] = [Assigned, Cancelled],
        [Assigned] = [Acknowledged, Cancelled],
        [Acknowledged] = [InProgress, Cancelled],
        [InProgress] = [WaitingOnCustomer, Resolved, Cancelled],
        [WaitingOnCustomer] = [InProgress, Cancelled],
        [Resolved] = [Closed, Reopened],
        [Closed] = [Reopened],
        [Reopened] = [InProgress, Cancelled],
        [Deflected] = [Triaged], // the frontline contests the deflection: the case is routed after all
        [Cancelled] = [],
    };

    /// <summary>The statuses in which nobody has work left on an escalation: the one list that queries and the
    /// database's index filter use too.</summary>
    public static IReadOnlyList<EscalationStatus> Finished { get; } = [Resolved, Closed, Cancelled, Deflected];

    public static bool CanMove(EscalationStatus from, EscalationStatus to) => Next[from].Contains(to);

    /// <summary>Open: someone still has work to do on it (anything but resolved, closed, cancelled or deflected).</summary>
    public static bool IsOpen(EscalationStatus status) => !Finished.Contains(status);

    public static IReadOnlyList<EscalationStatus> From(EscalationStatus status) => Next[status];

    /// <summary>A monitoring source (PagerDuty, Alertmanager) resolves what it raised from any open status: the
    /// alert cleared, whether or not anyone had started on it.</summary>
    public static bool CanResolveAtSource(EscalationStatus status) => IsOpen(status);

    /// <summary>The gate every status change passes: a move by the table, or a source resolving an open escalation.</summary>
    public static bool Allows(StatusMove move) => move.Rule switch
    {
        MoveRule.Table => CanMove(move.From, move.To),
        MoveRule.SourceResolution => move.To == Resolved && CanResolveAtSource(move.From),
        _ => false,
    };
}
