using System.Text.Json;
using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>Applies the routing decisions of Routing.Domain to an offer: chooses team, owner and backup for a triaged
/// escalation (<see cref="TeamSelection"/>, then the team's <see cref="RotationPool"/>) and moves an unanswered offer
/// up the <see cref="OfferLadder"/>. Here are only the reads and writes: the team's round-robin turn is saved with
/// the offer, in one transaction.</summary>
public sealed class OfferPlanner(RoutingDbContext db, TimeProvider clock)
{
    public async Task PlanAsync(BehaviorContext<OfferState, EscalationTriaged> context)
    {
        var triaged = context.Message;
        var offer = context.Saga;
        var tenant = triaged.TenantId;
        offer.TenantId = tenant;
        offer.Severity = (int)triaged.Severity;
        var now = clock.GetUtcNow();
        offer.CreatedAt = now.UtcDateTime;

        var teams = await db.Teams.AsNoTracking().Where(team => team.TenantId == tenant).ToListAsync(context.CancellationToken);
        var rules = await db.Rules.AsNoTracking().Where(rule => rule.TenantId == tenant).OrderBy(rule => rule.Order).ToListAsync(context.CancellationToken);
        var choice = TeamSelection.Choose([.. rules.Select(ToRule)], DefaultTeams(teams), triaged.Facts, triaged.Severity);
        if (choice is null || await TakeTurnAsync(tenant, choice.TeamId, context.CancellationToken) is not { } team)
        {
            return; // no owner: the state machine marks the escalation unroutable
        }

        var members = await db.Members.AsNoTracking().Where(member => member.TenantId == tenant && member.TeamId == team.Id)
            .ToListAsync(context.CancellationToken);
        var pool = RotationPool.Of(members.Select(member => new TeamMember(member.Id, member.Available, member.Capacity)), team.LeadMemberId);
        var poolIds = pool.MemberIds;
        var open = await db.Offers.AsNoTracking()
            .Where(other => other.TenantId == tenant && poolIds.Contains(other.OwnerId) && RotationPool.OpenStates.Contains(other.CurrentState))
            .GroupBy(other => other.OwnerId)
            .Select(group => new { Member = group.Key, Count = group.Count() })
            .ToDictionaryAsync(entry => entry.Member, entry => entry.Count, context.CancellationToken);
        var assignment = pool.Pick(open, team.LastAssignedMemberId);
        team.LastAssignedMemberId = assignment.OwnerId;

        var owner = members.Single(member => member.Id == assignment.OwnerId);
        var backup = members.Single(member => member.Id == assignment.BackupId);
        var lead = members.FirstOrDefault(member => member.Id == team.LeadMemberId);
        var window = await WindowAsync(tenant, triaged.Severity, context.CancellationToken);
        offer.TeamId = team.Id;
        offer.TeamName = team.Name;
        (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = (owner.Id, owner.Name, owner.Email);
        (offer.BackupId, offer.BackupName, offer.BackupEmail) = (backup.Id, backup.Name, backup.Email);
        (offer.LeadId, offer.LeadName, offer.LeadEmail) = (lead?.Id, lead?.Name, lead?.Email);
        offer.Window = window;
        Apply(offer, OfferLadder.First(Parties(offer), choice, team.Name, window, now));
    }

    /// <summary>The team, locked until this transaction commits: assignments to one team take its round-robin turn
    /// one after another, where reading the same turn would make all but one collide and start over (under load
    /// that retry storm cost more than the assignments). The row version stays as the safety net.</summary>
    private Task<TeamRow?> TakeTurnAsync(string tenant, string teamId, CancellationToken cancellationToken) =>
        db.Teams.FromSql($"""SELECT *, xmin FROM team WHERE "TenantId" = {tenant} AND "Id" = {teamId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);

    public static bool CanMoveUp(OfferState offer) => OfferLadder.CanMoveUp(Enum.Parse<OfferLevel>(offer.Level), Parties(offer));

    /// <summary>Moves an unanswered offer one level up the ladder (see <see cref="CanMoveUp"/>), with a fresh window from <paramref name="now"/>.</summary>
    public static void MoveUp(OfferState offer, DateTimeOffset now)
    {
        var next = OfferLadder.Next(Enum.Parse<OfferLevel>(offer.Level), Parties(offer), offer.Window, now)
            ?? throw new InvalidOperationException($"The offer of {offer.CorrelationId} is at the top of the ladder.");
        offer.PreviousOfferedToId = offer.OfferedToId;
        Apply(offer, next);
    }

    private static OfferParties Parties(OfferState offer) => new(offer.OwnerId, offer.BackupId, offer.LeadId);

    private static void Apply(OfferState offer, OfferStep step)
    {
        offer.Level = step.Level.ToString();
        offer.OfferedToId = step.OfferedToId;
        offer.Reason = step.Reason;
        offer.RespondBy = step.RespondBy.UtcDateTime;
    }

    public static EscalationOffered Offered(OfferState offer, DateTimeOffset now) => new()
    {
        EscalationId = offer.CorrelationId,
        TenantId = offer.TenantId,
        Severity = (Severity)offer.Severity,
        Team = new TeamRef(offer.TeamId, offer.TeamName),
        OfferedTo = Member(offer, offer.OfferedToId)!,
        Owner = new MemberRef(offer.OwnerId, offer.OwnerName, offer.OwnerEmail),
        Backup = new MemberRef(offer.BackupId, offer.BackupName, offer.BackupEmail),
        TeamLead = offer.LeadId is null ? null : new MemberRef(offer.LeadId, offer.LeadName!, offer.LeadEmail!),
        Level = Enum.Parse<OfferLevel>(offer.Level),
        RespondBy = new DateTimeOffset(DateTime.SpecifyKind(offer.RespondBy, DateTimeKind.Utc)),
        PreviouslyOfferedTo = offer.PreviousOfferedToId is null ? null : Member(offer, offer.PreviousOfferedToId),
        Reason = offer.Reason,
        At = now,
    };

    private static MemberRef? Member(OfferState offer, string id) =>
        id == offer.OwnerId ? new(offer.OwnerId, offer.OwnerName, offer.OwnerEmail)
        : id == offer.BackupId ? new(offer.BackupId, offer.BackupName, offer.BackupEmail)
        : id == offer.LeadId ? new(offer.LeadId, offer.LeadName!, offer.LeadEmail!)
        : null;

    private async Task<TimeSpan> WindowAsync(string tenant, Severity severity, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().FirstOrDefaultAsync(row => row.TenantId == tenant, cancellationToken);
        return policy is null ? AcknowledgementWindows.Default.For(severity) : RoutingPolicies.Read(policy.AcknowledgementWindows).For(severity);
    }

    private static Dictionary<IssueType, string> DefaultTeams(List<TeamRow> teams) =>
        teams.SelectMany(team => JsonSerializer.Deserialize<string[]>(team.DefaultFor)!.Select(issueType => (IssueType: Wire.Parse<IssueType>(issueType), team.Id)))
            .GroupBy(entry => entry.IssueType)
            .ToDictionary(group => group.Key, group => group.First().Id);

    private static RoutingRule ToRule(RoutingRuleRow row) => new(
        row.Name,
        row.TeamId,
        row.IssueType is null ? null : Wire.Parse<IssueType>(row.IssueType),
        row.Severity is null ? null : Enum.Parse<Severity>(row.Severity),
        row.ProductArea,
        row.Tier is null ? null : Wire.Parse<CustomerTier>(row.Tier),
        row.Tag);
}
