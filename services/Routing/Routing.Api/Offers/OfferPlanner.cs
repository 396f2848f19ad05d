using EscalationPlatform.Contracts;
using MassTransit;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Offers;

/// <summary>Applies the routing decisions of Routing.Domain to an offer: chooses team, owner and backup for a triaged
/// escalation (<see cref="TeamSelection"/>, then the team's <see cref="RotationPool"/>) and moves an unanswered offer
/// up the team's escalation policy (<see cref="PolicyPlan"/>). The reads and writes are the <see cref="IRoutingStore"/>'s; the team's round-robin
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
        (offer.CustomerTier, offer.AccountTeam, offer.SubmittedBy) = (customer.Tier, [.. customer.AccountTeam], triaged.SubmittedBy);
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
        var pool = Pool(members, team, now);
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

        var window = (await store.WindowsAsync(tenant, cancellationToken)).For(triaged.Severity);
        var (plan, policy) = await store.EscalationPlanAsync(tenant, team.EscalationPolicyId, cancellationToken);
        (offer.Plan, offer.PolicyName) = (PlanJson.Write(plan), policy);
        offer.TeamId = team.Id;
        offer.TeamName = team.Name;
        (offer.LeadId, offer.LeadName, offer.LeadEmail) = (lead?.Id, lead?.Name, lead?.Email);
        var owner = people[assignment.OwnerId];
        var backup = people[assignment.BackupId];
        (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = (owner.Id, owner.Name, owner.Email);
        (offer.BackupId, offer.BackupName, offer.BackupEmail) = (backup.Id, backup.Name, backup.Email);

        // The first level that applies and names someone available takes the first offer, and that person owns the
        // case until someone accepts (the strategy's owner becomes the backup when it is somebody else).
        var steps = plan.Count == 0 ? PlanJson.BuiltIn : plan;
        var local = TeamLocal(team.TimeZone, now);
        if (await NextReachableAsync(offer, steps, -1, local, now, cancellationToken) is var (index, first))
        {
            if (first.Id != offer.OwnerId)
            {
                (offer.BackupId, offer.BackupName, offer.BackupEmail) = (offer.OwnerId, offer.OwnerName, offer.OwnerEmail);
                (offer.OwnerId, offer.OwnerName, offer.OwnerEmail) = (first.Id, first.Name, first.Email);
            }

            offer.PolicyStep = index;
            offer.Window = PolicyPlan.Delay(steps[index], window);
            Apply(offer, OfferLadder.First(steps[index].Target, first.Id, choice, how, offer.Window, now), first);
            return;
        }

        // No level applies now: the owner is offered the case, and when they do not answer the top is reached.
        offer.PolicyStep = steps.Count;
        offer.Window = window;
        Apply(offer, OfferLadder.First(OfferLevel.Owner, offer.OwnerId, choice, $"{how}; no level of {policy} applies now", window, now),
            new MemberRef(offer.OwnerId, offer.OwnerName, offer.OwnerEmail));
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
        Customer = offer.Customer(),
    };

    /// <summary>The severity changed while the offer waits: the same person gets the level's window under the new
    /// severity from now (<see cref="OfferLadder.Replanned"/>).</summary>
    public async Task ReplanAsync(OfferState offer, EscalationSeverityChanged change, CancellationToken cancellationToken)
    {
        offer.Severity = (int)change.To;
        var window = (await store.WindowsAsync(offer.TenantId, cancellationToken)).For(change.To);
        var steps = PlanJson.Read(offer.Plan);
        offer.Window = offer.PolicyStep < steps.Count ? PolicyPlan.Delay(steps[offer.PolicyStep], window) : window;
        Apply(offer, OfferLadder.Replanned(offer.Level, offer.OfferedToId, change, offer.Window, clock.GetUtcNow()), Current(offer));
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
        (offer.OfferedToId, offer.OfferedToName, offer.OfferedToEmail) = (owner.Id, owner.Name, owner.Email);
        offer.Reason = $"handoff accepted by {owner.Name}";
    }

    /// <summary>Moves an unanswered offer to the next level of its plan that applies now (the severity, and the day and
    /// hour in the team's time zone) and names someone available other than whoever has it now, with that level's
    /// window from now. At the top of the plan the offer stays where it is and <see cref="OfferState.TopOfPolicyAt"/>
    /// is set: the state machine announces it.</summary>
    public async Task MoveUpAsync(OfferState offer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var steps = PlanJson.Read(offer.Plan);
        var team = await store.TeamAsync(offer.TenantId, offer.TeamId, cancellationToken);
        if (await NextReachableAsync(offer, steps, offer.PolicyStep, TeamLocal(team?.TimeZone, now), now, cancellationToken) is var (index, next))
        {
            var waited = offer.Window;
            offer.Window = PolicyPlan.Delay(steps[index], (await store.WindowsAsync(offer.TenantId, cancellationToken)).For((Severity)offer.Severity));
            (offer.PreviousOfferedToId, offer.PreviousOfferedToName, offer.PreviousOfferedToEmail) = (offer.OfferedToId, Current(offer).Name, Current(offer).Email);
            offer.PolicyStep = index;
            offer.Moves++;
            offer.TopOfPolicyAt = null;
            Apply(offer, OfferLadder.Next(steps[index], next.Id, waited, offer.Window, now), next);
            return;
        }

        offer.PolicyStep = steps.Count;
        offer.TopOfPolicyAt = now.UtcDateTime;
    }

    /// <summary>The first level after <paramref name="after"/> that applies now and names someone available other
    /// than whoever has the offer, with that person; null at the top of the plan.</summary>
    private async Task<(int Index, MemberRef Person)?> NextReachableAsync(
        OfferState offer, IReadOnlyList<PlannedLevel> steps, int after, DateTime teamLocal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var severity = (Severity)offer.Severity;
        for (var step = PolicyPlan.Next(steps, after, severity, teamLocal); step is { } index; step = PolicyPlan.Next(steps, index, severity, teamLocal))
        {
            if (await ResolveAsync(offer, steps[index], now, cancellationToken) is { } person && person.Id != offer.OfferedToId)
            {
                return (index, person);
            }
        }

        return null;
    }

    /// <summary>Who a level names now: the offer's owner, backup or lead; a member; whoever is on call in a schedule;
    /// or the owner another team's strategy chooses. Null when that is nobody available (no lead, nobody on call, a
    /// member away or gone).</summary>
    private async Task<MemberRef?> ResolveAsync(OfferState offer, PlannedLevel level, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (level.Target)
        {
            case OfferLevel.Owner:
                return new MemberRef(offer.OwnerId, offer.OwnerName, offer.OwnerEmail);
            case OfferLevel.Backup:
                return new MemberRef(offer.BackupId, offer.BackupName, offer.BackupEmail);
            case OfferLevel.TeamLead:
                return offer.LeadId is null ? null : new MemberRef(offer.LeadId, offer.LeadName!, offer.LeadEmail!);
            case OfferLevel.Person:
                return await store.MemberAsync(offer.TenantId, level.TargetId!, cancellationToken) is { Available: true } person ? Ref(person) : null;
            case OfferLevel.Schedule or OfferLevel.OnCallManager:
                return await store.OnCallAsync(offer.TenantId, level.TargetId!, now, cancellationToken) is ({ Available: true } onCall, _) ? Ref(onCall) : null;
            case OfferLevel.Team:
                return await OwnerOfAsync(offer.TenantId, level.TargetId!, now, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The owner another team's strategy names for the case (its required skills are not kept past the
    /// routing, so a skills-match team chooses by load).</summary>
    private async Task<MemberRef?> OwnerOfAsync(string tenant, string teamId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.TeamAsync(tenant, teamId, cancellationToken) is not { } team)
        {
            return null;
        }

        var members = await store.MembersAsync(tenant, team.Id, cancellationToken);
        var pool = Pool(members, team, now);
        if (!pool.CanStaff)
        {
            return null;
        }

        var strategy = WireNames<AssignmentStrategy>.TryParse(team.Strategy, out var chosen) && chosen != AssignmentStrategy.SkillsMatch ? chosen
            : chosen == AssignmentStrategy.SkillsMatch ? AssignmentStrategy.LeastLoaded : AssignmentStrategy.RoundRobin;
        var turn = strategy == AssignmentStrategy.RoundRobin ? await store.TakeTurnAsync(tenant, team.Id, cancellationToken) : 0;
        var staffing = pool.Staff(strategy, await store.WorkloadsAsync(tenant, pool.MemberIds, cancellationToken), new HashSet<string>(), team.Name, turn);
        return staffing.Assignment is { } assignment ? Ref(members.First(member => member.Id == assignment.OwnerId)) : null;
    }

    private static RotationPool Pool(IReadOnlyList<MemberRow> members, TeamRow team, DateTimeOffset now) =>
        RotationPool.Of(members.Select(member => new TeamMember(member.Id, member.Available, member.Capacity)
        {
            OnShift = Shift.Covers(member.WorkingHours.Select(day => (day.Day, day.Opens, day.Closes)), member.TimeZone, now),
            Skills = member.Skills,
        }), team.LeadMemberId);

    private static MemberRef Ref(MemberRow member) => new(member.Id, member.Name, member.Email);

    /// <summary>The wall-clock time in the team's zone (UTC for a team that is gone).</summary>
    private static DateTime TeamLocal(string? timeZone, DateTimeOffset now) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime;

    /// <summary>Whoever is offered the escalation now.</summary>
    private static MemberRef Current(OfferState offer) =>
        offer.OfferedToName is { } name ? new(offer.OfferedToId, name, offer.OfferedToEmail ?? "") : Member(offer, offer.OfferedToId) ?? new(offer.OfferedToId, offer.OfferedToId, "");

    private static void Apply(OfferState offer, OfferStep step, MemberRef to)
    {
        offer.Level = step.Level;
        (offer.OfferedToId, offer.OfferedToName, offer.OfferedToEmail) = (to.Id, to.Name, to.Email);
        offer.Reason = step.Reason;
        offer.RespondBy = step.RespondBy.UtcDateTime;
    }

    public static EscalationOffered Offered(OfferState offer, DateTimeOffset now) => new()
    {
        EscalationId = offer.CorrelationId,
        TenantId = offer.TenantId,
        Severity = (Severity)offer.Severity,
        Team = new TeamRef(offer.TeamId, offer.TeamName),
        OfferedTo = Current(offer),
        Owner = new MemberRef(offer.OwnerId, offer.OwnerName, offer.OwnerEmail),
        Backup = new MemberRef(offer.BackupId, offer.BackupName, offer.BackupEmail),
        TeamLead = offer.LeadId is null ? null : new MemberRef(offer.LeadId, offer.LeadName!, offer.LeadEmail!),
        Level = offer.Level,
        RespondBy = new DateTimeOffset(DateTime.SpecifyKind(offer.RespondBy, DateTimeKind.Utc)),
        PreviouslyOfferedTo = offer.PreviousOfferedToId is null ? null
            : offer.PreviousOfferedToName is { } previous ? new(offer.PreviousOfferedToId, previous, offer.PreviousOfferedToEmail ?? "") : Member(offer, offer.PreviousOfferedToId),
        Reason = offer.Reason,
        At = now,
        Key = offer.Key,
        Title = offer.Title,
        Customer = offer.Customer(),
        SubmittedBy = offer.SubmittedBy,
        Step = offer.Moves,
        Policy = offer.PolicyName,
    };

    /// <summary>The offer climbed its whole policy and nobody acknowledged (<see cref="MoveUpAsync"/>).</summary>
    public static EscalationPolicyExhausted Exhausted(OfferState offer, DateTimeOffset now) => new()
    {
        EscalationId = offer.CorrelationId,
        TenantId = offer.TenantId,
        Severity = (Severity)offer.Severity,
        Team = new TeamRef(offer.TeamId, offer.TeamName),
        TeamLead = offer.LeadId is null ? null : new MemberRef(offer.LeadId, offer.LeadName!, offer.LeadEmail!),
        Policy = offer.PolicyName ?? EscalationPolicy.BuiltIn.Name,
        LastOfferedTo = Current(offer),
        Offers = offer.Moves + 1,
        At = now,
        Key = offer.Key,
        Title = offer.Title,
        Customer = offer.Customer(),
    };

    private static MemberRef? Member(OfferState offer, string id) =>
        id == offer.OwnerId ? new(offer.OwnerId, offer.OwnerName, offer.OwnerEmail)
        : id == offer.BackupId ? new(offer.BackupId, offer.BackupName, offer.BackupEmail)
        : id == offer.LeadId ? new(offer.LeadId, offer.LeadName!, offer.LeadEmail!)
        : null;
}
