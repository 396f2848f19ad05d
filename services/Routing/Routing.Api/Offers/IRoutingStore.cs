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

    /// <summary>The team, held until the caller's transaction commits: the turn it records
    /// (<see cref="TeamRow.LastAssignedMemberId"/>) is saved with the offer. Null for a team that does not exist.</summary>
    Task<TeamRow?> TakeTurnAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberRow>> MembersAsync(string tenantId, string teamId, CancellationToken cancellationToken);

    /// <summary>The open offers (<see cref="RotationPool.OpenStates"/>) each of the members owns; a member without any is missing.</summary>
    Task<IReadOnlyDictionary<string, int>> OpenOffersAsync(string tenantId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken);
}
