using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Routing.Api.Data;
using Routing.Api.Schedules;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>The tenant's routing set-up in the service's database (see <see cref="IRoutingStore"/>).</summary>
public sealed class RoutingStore(RoutingDbContext db, OnCallLookup schedules) : IRoutingStore
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

    public Task<TeamRow?> TeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().SingleOrDefaultAsync(team => team.TenantId == tenantId && team.Id == teamId, cancellationToken);

    /// <summary>On a connection of its own, committed at once: the team's rotation row is locked for one statement, not for the
    /// whole assignment. (Holding it until the offer committed made every assignment to a team wait in line: 200 ms
    /// each at 40 cases a second.)</summary>
    public async Task<long> TakeTurnAsync(string tenantId, string teamId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var next = new NpgsqlCommand(
            """
            INSERT INTO team_rotation ("TenantId", "TeamId", "Turns") VALUES ($1, $2, 1)
            ON CONFLICT ("TenantId", "TeamId") DO UPDATE SET "Turns" = team_rotation."Turns" + 1
            RETURNING "Turns" - 1
            """, connection)
        {
            Parameters = { new() { Value = tenantId }, new() { Value = teamId } },
        };
        return (long)(await next.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"Team {teamId} of {tenantId} is gone."));
    }

    public Task<MemberRow?> MemberAsync(string tenantId, string memberId, CancellationToken cancellationToken) =>
        db.Members.AsNoTracking().SingleOrDefaultAsync(member => member.TenantId == tenantId && member.Id == memberId, cancellationToken);

    /// <summary>One read for a policy that continues with no other (the usual case); the whole chain otherwise.</summary>
    public async Task<(IReadOnlyList<PlannedLevel> Plan, string Policy)> EscalationPlanAsync(string tenantId, string? policyId, CancellationToken cancellationToken)
    {
        var id = policyId ?? EscalationPolicy.DefaultId;
        if (await db.EscalationPolicies.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenantId && row.Id == id, cancellationToken) is not { } first)
        {
            return ([], EscalationPolicy.BuiltIn.Name);
        }

        var policy = first.Policy();
        var chain = policy.ContinueWith is null
            ? []
            : (await db.EscalationPolicies.AsNoTracking().Where(row => row.TenantId == tenantId).ToListAsync(cancellationToken)).ToDictionary(row => row.Id, row => row.Policy());
        return (PolicyPlan.Of(policy, next => chain.GetValueOrDefault(next)), policy.Name);
    }

    public async Task<IReadOnlyList<MemberRow>> MembersAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        await db.Members.AsNoTracking().Where(member => member.TenantId == tenantId && member.TeamId == teamId).ToListAsync(cancellationToken);

    public async Task<(MemberRow Member, string ScheduleName)?> OnCallAsync(string tenantId, string scheduleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await schedules.FindAsync(tenantId, scheduleId, cancellationToken) is { Schedule: { } schedule } resolved && resolved.At(at) is { } onCall
            ? (onCall.Member, schedule.Name)
            : null;

    public async Task<IReadOnlyDictionary<string, Workload>> WorkloadsAsync(string tenantId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken) =>
        (await db.Offers.AsNoTracking()
            .Where(other => other.TenantId == tenantId && memberIds.Contains(other.OwnerId) && RotationPool.OpenStates.Contains(other.CurrentState))
            .GroupBy(other => new { other.OwnerId, other.Severity })
            .Select(group => new { Member = group.Key.OwnerId, group.Key.Severity, Count = group.Count() })
            .ToListAsync(cancellationToken))
        .GroupBy(entry => entry.Member)
        .ToDictionary(member => member.Key, member => Workload.Of(member.SelectMany(entry => Enumerable.Repeat((Severity)entry.Severity, entry.Count))));
}
