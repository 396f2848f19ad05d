using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>The tenant's routing set-up in the service's database (see <see cref="IRoutingStore"/>).</summary>
public sealed class RoutingStore(RoutingDbContext db) : IRoutingStore
{
    public async Task<IReadOnlyList<RoutingRule>> RulesAsync(string tenantId, CancellationToken cancellationToken) =>
        (await db.Rules.AsNoTracking().Where(rule => rule.TenantId == tenantId).OrderBy(rule => rule.Order).ToListAsync(cancellationToken))
            .Select(row => row.ToRule())
            .ToList();

    public async Task<IReadOnlyDictionary<IssueType, string>> DefaultTeamsAsync(string tenantId, CancellationToken cancellationToken) =>
        (await db.Teams.AsNoTracking().Where(team => team.TenantId == tenantId).OrderBy(team => team.Id).ToListAsync(cancellationToken))
            .SelectMany(team => team.DefaultFor.Select(issueType => (IssueType: KebabEnum<IssueType>.Parse(issueType), team.Id)))
            .GroupBy(entry => entry.IssueType)
            .ToDictionary(group => group.Key, group => group.First().Id);

    public async Task<AcknowledgementWindows> WindowsAsync(string tenantId, CancellationToken cancellationToken) =>
        await db.Policies.AsNoTracking().SingleOrDefaultAsync(policy => policy.TenantId == tenantId, cancellationToken) is { } row
            ? row.AcknowledgementWindows.ToWindows()
            : AcknowledgementWindows.Default;

    /// <summary>The team, locked until this transaction commits: assignments to one team take its round-robin turn
    /// one after another, where reading the same turn would make all but one collide and start over (under load
    /// that retry storm cost more than the assignments). The row version stays as the safety net.</summary>
    public Task<TeamRow?> TakeTurnAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        db.Teams.FromSql($"""SELECT *, xmin FROM team WHERE "TenantId" = {tenantId} AND "Id" = {teamId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(member => member.TenantId == tenantId && member.TeamId == teamId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> OpenOffersAsync(string tenantId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken) =>
        await db.Offers.AsNoTracking()
            .Where(other => other.TenantId == tenantId && memberIds.Contains(other.OwnerId) && RotationPool.OpenStates.Contains(other.CurrentState))
            .GroupBy(other => other.OwnerId)
            .Select(group => new { Member = group.Key, Count = group.Count() })
            .ToDictionaryAsync(entry => entry.Member, entry => entry.Count, cancellationToken);
}
