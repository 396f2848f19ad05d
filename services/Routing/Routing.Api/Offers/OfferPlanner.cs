using EscalationPlatform.Contracts;
using MassTransit;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>Applies the routing decisions of Routing.Domain to an offer: chooses team, owner and backup for a triaged
/// escalation (<see cref="TeamSelection"/>, then the team's <see cref="RotationPool"/>) and moves an unanswered offer
/// up the <see cref="OfferLadder"/>. The reads and writes are the <see cref="IRoutingStore"/>'s; the team's round-robin
/// turn is taken apart from the offer's transaction, so assignments to one team never wait for each other.</summary>
public sealed class OfferPlanner(IRoutingStore store, TimeProvider clock)
{
    public async Task PlanAsync(BehaviorContext<OfferState, EscalationTriaged> context)
    {
        var triaged = context.Message;
        var offer = context.Saga;
        var tenant = triaged.TenantId;
        var cancellationToken = context.CancellationToken;
        offer.TenantId = tenant;
        offer.Severity = (int)triaged.Severity;
        var customer = triaged.Facts.Customer;
        (offer.Key, offer.Title) = (triaged.Key, triaged.Title);
        (offer.CustomerId, offer.CustomerName, offer.CustomerEmail, offer.CustomerTimeZone) = (customer.Id, customer.Name, customer.ContactEmail, customer.TimeZone);
        var now = clock.GetUtcNow();
        offer.CreatedAt = now.UtcDateTime;

        var rules = await store.RulesAsync(tenant, cancellationToken);
        var choice = TeamSelection.Choose(rules, await store.DefaultTeamsAsync(tenant, cancellationToken), triaged.Facts, triaged.Severity);
        if (choice is null)
        {
            Unroutable(offer, NoOwner.NoTeam(triaged.Facts.IssueType), team: null, lead: null);
            return;
        }

        if (await store.TeamAsync(tenant, choice.TeamId, cancellationToken) is not { } team)
        {
            Unroutable(offer, NoOwner.UnknownTeam(choice), team: null, lead: null);
            return;
        }

        var members = await store.MembersAsync(tenant, team.Id, cancellationToken);
        var lead = members.FirstOrDefault(member => member.Id == team.LeadMemberId);
        var pool = RotationPool.Of(members.Select(member => new TeamMember(member.Id, member.Available, member.Capacity)
        {
            OnShift = Shift.Covers(member.WorkingHours.Select(day => (day.Day, day.Opens, day.Closes)), member.TimeZone, now),
            Skills = member.Skills,
        }), team.LeadMemberId);
        if (!pool.CanStaff)
        {
            Unroutable(offer, NoOwner.TooFewMembers(team.Name, pool.Members.Count), team, lead);
            return;
        }

        var strategy = WireNames<AssignmentStrategy>.TryParse(team.Strategy, out var chosen) ? chosen : AssignmentStrategy.RoundRobin;
        var workloads = await store.WorkloadsAsync(tenant, pool.MemberIds, cancellationToken);
        var turn = strategy == AssignmentStrategy.RoundRobin ? await store.TakeTurnAsync(tenant, team.Id, cancellationToken) : 0;
        var staffing = pool.Staff(strategy, workloads, RequiredSkills.Of(triaged.Facts), team.Name, turn);
        if (staffing.Assignment is not { } assignment)
        {
            Unroutable(offer, staffing.Reason, team, lead);
            return;
        }

        var how = staffing.Reason;
        var people = members.ToDictionary(member => member.Id);
        if (team.OnCallScheduleId is { } scheduleId && OnCallFirst.Applies(triaged.Severity, staffing.AfterHours)
            && await store.OnCallAsync(tenant, scheduleId, now, cancellationToken) is var (onCall, scheduleName) && onCall.Available)
        {
            assignment = OnCallFirst.Page(assignment, onCall.Id);
            how = OnCallFirst.Reason(scheduleName, triaged.Severity, how);
            people[onCall.Id] = onCall; // follow-the-sun: the responder may sit in another team
        }

        var owner = people[assignment.OwnerId];
        var backup = people[assignment.BackupId];
        var window = (await store.WindowsAsync(tenant, cancellationToken)).For(triaged.Severity);
        offer.TeamId = team.Id;
        offer.TeamName = team.Name;
        (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = (owner.Id, owner.Name, owner.Email);
        (offer.BackupId, offer.BackupName, offer.BackupEmail) = (backup.Id, backup.Name, backup.Email);
        (offer.LeadId, offer.LeadName, offer.LeadEmail) = (lead?.Id, lead?.Name, lead?.Email);
        offer.Window = window;
        Apply(offer, OfferLadder.First(Parties(offer), choice, how, window, now));
    }

    /// <summary>Nobody can be offered the escalation: the offer names no one and says why (the state machine tells
    /// everyone concerned, <see cref="Unroutable(OfferState, DateTimeOffset)"/>).</summary>
    private static void Unroutable(OfferState offer, string reason, TeamRow? team, MemberRow? lead)
    {
        offer.UnroutableReason = reason;
        offer.Reason = reason;
        (offer.TeamId, offer.TeamName) = (team?.Id ?? "", team?.Name ?? "");
        (offer.LeadId, offer.LeadName, offer.LeadEmail) = (lead?.Id, lead?.Name, lead?.Email);
        (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = ("", "", "");
        (offer.BackupId, offer.BackupName, offer.BackupEmail) = ("", "", "");
        offer.OfferedToId = "";
    }

    public static EscalationUnroutable Unroutable(OfferState offer, DateTimeOffset now) => new()
    {
        EscalationId = offer.CorrelationId,
        TenantId = offer.TenantId,
        Severity = (Severity)offer.Severity,
        Reason = offer.UnroutableReason!,
        Team = offer.TeamId is { Length: > 0 } ? new TeamRef(offer.TeamId, offer.TeamName) : null,
        TeamLead = offer.LeadId is null ? null : new MemberRef(offer.LeadId, offer.LeadName!, offer.LeadEmail!),
        At = now,
        Key = offer.Key!,
        Title = offer.Title!,
        Customer = offer.CustomerId is null ? null : new CustomerRef(offer.CustomerId, offer.CustomerName!, offer.CustomerEmail, offer.CustomerTimeZone!),
    };

    /// <summary>The severity changed while the offer waits: the same person gets the new severity's window from now
    /// (<see cref="OfferLadder.Replanned"/>).</summary>
    public async Task ReplanAsync(OfferState offer, EscalationSeverityChanged change, CancellationToken cancellationToken)
    {
        offer.Severity = (int)change.To;
        offer.Window = (await store.WindowsAsync(offer.TenantId, cancellationToken)).For(change.To);
        Apply(offer, OfferLadder.Replanned(offer.Level, offer.OfferedToId, change, offer.Window, clock.GetUtcNow()));
    }

    /// <summary>An accepted handoff: its receiver owns the escalation now, on the receiving team under its lead (the
    /// backup stays who it was).</summary>
    public static void HandOver(OfferState offer, EscalationHandoff accepted)
    {
        var owner = accepted.AnsweredBy!;
        (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = (owner.Id, owner.Name, owner.Email);
        (offer.TeamId, offer.TeamName) = (accepted.ToTeam.Id, accepted.ToTeam.Name);
        (offer.LeadId, offer.LeadName, offer.LeadEmail) = (accepted.ToTeamLead?.Id, accepted.ToTeamLead?.Name, accepted.ToTeamLead?.Email);
        offer.AcceptedById = owner.Id;
        offer.OfferedToId = owner.Id;
        offer.Reason = $"handoff accepted by {owner.Name}";
    }

    public static bool CanMoveUp(OfferState offer) => OfferLadder.CanMoveUp(offer.Level, Parties(offer));

    /// <summary>Moves an unanswered offer one level up the ladder (see <see cref="CanMoveUp"/>), with a fresh window from <paramref name="now"/>.</summary>
    public static void MoveUp(OfferState offer, DateTimeOffset now)
    {
        var next = OfferLadder.Next(offer.Level, Parties(offer), offer.Window, now)
            ?? throw new InvalidOperationException($"The offer of {offer.CorrelationId} is at the top of the ladder.");
        offer.PreviousOfferedToId = offer.OfferedToId;
        Apply(offer, next);
    }

    private static OfferParties Parties(OfferState offer) => new(offer.OwnerId, offer.BackupId, offer.LeadId);

    private static void Apply(OfferState offer, OfferStep step)
    {
        offer.Level = step.Level;
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
        Level = offer.Level,
        RespondBy = new DateTimeOffset(DateTime.SpecifyKind(offer.RespondBy, DateTimeKind.Utc)),
        PreviouslyOfferedTo = offer.PreviousOfferedToId is null ? null : Member(offer, offer.PreviousOfferedToId),
        Reason = offer.Reason,
        At = now,
        Key = offer.Key,
        Title = offer.Title,
        Customer = offer.CustomerId is null ? null : new CustomerRef(offer.CustomerId, offer.CustomerName!, offer.CustomerEmail, offer.CustomerTimeZone!),
    };

    private static MemberRef? Member(OfferState offer, string id) =>
        id == offer.OwnerId ? new(offer.OwnerId, offer.OwnerName, offer.OwnerEmail)
        : id == offer.BackupId ? new(offer.BackupId, offer.BackupName, offer.BackupEmail)
        : id == offer.LeadId ? new(offer.LeadId, offer.LeadName!, offer.LeadEmail!)
        : null;
}
