using EscalationPlatform.Contracts;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>What planning an offer reads and writes of a tenant's routing set-up: the rules, the default teams,
/// the acknowledgement windows, a team's round-robin turn and members, and how many open offers each member holds.
/// <see cref="RoutingStore"/> keeps them in the service's database; the saga tests keep them in memory.</summary>
public interface IRoutingStore
{
    Task<IReadOnlyList<RoutingRule>> RulesAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The team that takes each issue type when no rule matches.</summary>
    Task<IReadOnlyDictionary<IssueType, string>> DefaultTeamsAsync(string tenantId, CancellationToken cancellationToken);

    Task<AcknowledgementWindows> WindowsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The team; null for a team that does not exist.</summary>
    Task<TeamRow?> TeamAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Takes the team's next round-robin turn (0, 1, 2, ...) at once, outside the caller's transaction: two
    /// assignments at the same time get different turns without waiting for each other. A turn taken by an attempt
    /// that then fails is not given back; the rotation just moves on.</summary>
    Task<long> TakeTurnAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>The member of any of the tenant's teams; null for nobody by that id.</summary>
    Task<MemberRow?> MemberAsync(string tenantId, string memberId, CancellationToken cancellationToken);

    /// <summary>The levels an unanswered offer climbs (<see cref="PolicyPlan.Of"/>) and the policy's name: the policy
    /// named, else the tenant's "default" one; an empty plan for the built-in owner, backup, team lead.</summary>
    Task<(IReadOnlyList<PlannedLevel> Plan, string Policy)> EscalationPlanAsync(string tenantId, string? policyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberRow>> MembersAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>Who is on call in the schedule at <paramref name="at"/>, with the schedule's name; null when the schedule
    /// is gone, names someone in no team any more, or has nobody on call then.</summary>
    Task<(MemberRow Member, string ScheduleName)?> OnCallAsync(string tenantId, string scheduleId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The open escalations (<see cref="RotationPool.OpenStates"/>) each of the members owns, by count and by
    /// weight (<see cref="Workload"/>); a member without any is missing.</summary>
    Task<IReadOnlyDictionary<string, Workload>> WorkloadsAsync(string tenantId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken);
}
