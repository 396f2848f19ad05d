using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Endpoints;
using Routing.Api.Offers;
using Routing.Domain;

namespace Routing.Api.Handoffs;

/// <summary>A handoff as the API shows it; <see cref="CanAnswer"/> says whether the caller may accept or reject it now.</summary>
public sealed record HandoffView(
    Guid Id, Guid EscalationId, string State, PersonView? From, PersonView RequestedBy, PersonView ToTeam, string? ToMemberId,
    HandoffLevel Level, PersonView? AskedNow, string Reason, string ContextSummary, IReadOnlyList<string> ActionsTaken,
    DateTime RespondBy, DateTime CreatedAt, PersonView? AnsweredBy, string? Answer, DateTime? AnsweredAt, bool CanAnswer);

public sealed record HandoffAnswer(string? Reason = null);

/// <summary>Handoffs of an escalation (SPEC section 5, <see cref="HandoffRules"/>): the owner, the team lead or a manager
/// asks a person or a team to take the case; the receiver accepts (and owns it: routing's offer and intake's record
/// follow the <see cref="EscalationHandoff"/> event) or rejects with a reason; an unanswered one moves up
/// (<see cref="HandoffTimeoutConsumer"/>). Each step is saved with the event it causes and its timer.</summary>
public static class HandoffEndpoints
{
    private const string Path = "/escalations/{id:guid}/handoffs";

    public static void Map(RouteGroupBuilder routing)
    {
        routing.MapGet(Path, ListAsync).WithSummary("The escalation's handoffs, newest first, with whether the caller may answer each.");
        routing.MapPost(Path, RequestAsync)
            .WithSummary("Asks a person or a team to take the escalation (the owner, its team lead or a manager); ownership moves only when they accept.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routing.MapPost($"{Path}/{{handoffId:guid}}/accept", AcceptAsync)
            .WithSummary("The person asked (or, for a team, any of its members) takes the escalation: they own it now.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        routing.MapPost($"{Path}/{{handoffId:guid}}/reject", RejectAsync)
            .WithSummary("The person asked turns the handoff down with a reason; the owner keeps the escalation.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<HandoffView>>, ProblemHttpResult>> ListAsync(
        Guid id, RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        if (!await db.Offers.AnyAsync(offer => offer.TenantId == tenant.TenantId && offer.CorrelationId == id, cancellationToken))
        {
            return Problems.NotFound("routed escalation", id.ToString());
        }

        var rows = await db.Handoffs.AsNoTracking().Where(row => row.TenantId == tenant.TenantId && row.EscalationId == id)
            .OrderByDescending(row => row.CreatedAt).Take(100).ToListAsync(cancellationToken);
        var views = new List<HandoffView>();
        foreach (var row in rows)
        {
            views.Add(View(row, row.State == HandoffRow.Open && await MayAnswerAsync(db, row, tenant.Actor.Id, cancellationToken)));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<HandoffView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid id, HandoffDraft draft, RoutingDbContext db, ITenantContext tenant, IRoutingStore store, IPublishEndpoint publish, IMessageScheduler scheduler,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(offer => offer.TenantId == tenant.TenantId && offer.CorrelationId == id, cancellationToken);
        if (offer is null)
        {
            return Problems.NotFound("routed escalation", id.ToString());
        }

        if (offer.CurrentState is not (nameof(OfferStateMachine.Offered) or nameof(OfferStateMachine.Accepted)))
        {
            return Problems.Conflict("Only an escalation that someone owns, still open, can be handed off.", offer.CurrentState.ToLowerInvariant());
        }

        var ownerId = offer.AcceptedById ?? offer.OwnerId;
        if (!HandoffRules.MayRequest(tenant.Actor.Id, IsManager(tenant), ownerId, offer.LeadId))
        {
            return Problems.Forbidden("Only the owner, the team lead or a manager can hand this escalation off.", "id");
        }

        var window = (await store.WindowsAsync(tenant.TenantId, cancellationToken)).For((Severity)offer.Severity);
        var (spec, problems) = HandoffRules.Check(draft, window);
        if (spec is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The handoff is not complete.");
        }

        var asked = spec.ToMemberId is { } memberId
            ? await db.Members.AsNoTracking().SingleOrDefaultAsync(member => member.TenantId == tenant.TenantId && member.Id == memberId, cancellationToken)
            : null;
        if (spec.ToMemberId is not null && asked is null)
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "The handoff is not complete.", $"{spec.ToMemberId} is not a member of any of the tenant's teams", "toMemberId");
        }

        if (asked?.Id == ownerId)
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "The handoff is not complete.", $"{asked.Name} already owns the escalation", "toMemberId");
        }

        var teamId = asked?.TeamId ?? spec.ToTeamId!;
        if (await db.Teams.AsNoTracking().SingleOrDefaultAsync(team => team.TenantId == tenant.TenantId && team.Id == teamId, cancellationToken) is not { } team)
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "The handoff is not complete.", $"{teamId} is not one of the tenant's teams", "toTeamId");
        }

        var lead = await db.Members.AsNoTracking().SingleOrDefaultAsync(member => member.TenantId == tenant.TenantId && member.Id == team.LeadMemberId, cancellationToken);
        var from = await db.Members.AsNoTracking().SingleOrDefaultAsync(member => member.TenantId == tenant.TenantId && member.Id == ownerId, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new HandoffRow
        {
            Id = NewId.NextGuid(), TenantId = tenant.TenantId, EscalationId = id,
            FromId = from?.Id, FromName = from?.Name, FromEmail = from?.Email,
            RequestedById = tenant.Actor.Id, RequestedByName = tenant.Actor.Name, RequestedByKind = tenant.Actor.Kind,
            ToTeamId = team.Id, ToTeamName = team.Name, ToMemberId = asked?.Id,
            Level = HandoffLevel.Receiver, AskedId = asked?.Id, AskedName = asked?.Name, AskedEmail = asked?.Email,
            LeadId = lead?.Id, LeadName = lead?.Name, LeadEmail = lead?.Email,
            Reason = spec.Reason, ContextSummary = spec.ContextSummary, ActionsTaken = [.. spec.ActionsTaken],
            Window = spec.RespondWithin, RespondBy = (now + spec.RespondWithin).UtcDateTime, CreatedAt = now.UtcDateTime,
        };
        row.TimeoutTokenId = (await scheduler.SchedulePublish(row.RespondBy, new HandoffDue(row.Id, row.Level), cancellationToken)).TokenId;
        await publish.Publish(row.Event(HandoffStep.Requested, now, offer), cancellationToken);
        db.Handoffs.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation("IX_handoff_open"))
        {
            return OpenAlready();
        }

        return TypedResults.Created($"{Endpoints.RoutingApi.Prefix}/escalations/{id}/handoffs/{row.Id}", View(row, canAnswer: false));
    }

    private static Task<Results<Ok<HandoffView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, Guid handoffId, RoutingDbContext db, ITenantContext tenant, IMessageScheduler scheduler, IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken) =>
        AnswerAsync(id, handoffId, accepted: true, reason: null, db, tenant, scheduler, publish, clock, cancellationToken);

    private static async Task<Results<Ok<HandoffView>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid id, Guid handoffId, HandoffAnswer answer, RoutingDbContext db, ITenantContext tenant, IMessageScheduler scheduler, IPublishEndpoint publish,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("reason", answer.Reason, HandoffRules.MaxText, required: true);
        return errors.IsValid
            ? await AnswerAsync(id, handoffId, accepted: false, answer.Reason!.Trim(), db, tenant, scheduler, publish, clock, cancellationToken)
            : errors.ToProblem();
    }

    private static async Task<Results<Ok<HandoffView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid handoffId, bool accepted, string? reason, RoutingDbContext db, ITenantContext tenant, IMessageScheduler scheduler,
        IPublishEndpoint publish, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.Handoffs.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.EscalationId == id && row.Id == handoffId, cancellationToken);
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(offer => offer.TenantId == tenant.TenantId && offer.CorrelationId == id, cancellationToken);
        if (row is null || offer is null)
        {
            return Problems.NotFound("handoff", handoffId.ToString());
        }

        if (row.State != HandoffRow.Open)
        {
            return Problems.Conflict($"The handoff was already {row.State}.", row.State);
        }

        if (!await MayAnswerAsync(db, row, tenant.Actor.Id, cancellationToken))
        {
            return Problems.Forbidden(row.Level == HandoffLevel.TeamLead || row.AskedId is not null
                ? $"Only {row.AskedName ?? row.LeadName} can answer this handoff now."
                : $"Only a member of {row.ToTeamName} can answer this handoff.", "handoffId");
        }

        if (await db.Members.AsNoTracking().SingleOrDefaultAsync(member => member.TenantId == tenant.TenantId && member.Id == tenant.Actor.Id, cancellationToken)
            is not { } answeredBy)
        {
            return Problems.Conflict("You were asked, but you are no longer in any of the tenant's teams: a team lead or manager can hand the case off again.", row.State);
        }

        var now = clock.GetUtcNow();
        (row.State, row.AnsweredAt, row.Answer) = (accepted ? "accepted" : "rejected", now.UtcDateTime, reason);
        (row.AnsweredById, row.AnsweredByName, row.AnsweredByEmail) = (answeredBy.Id, answeredBy.Name, answeredBy.Email);
        if (row.TimeoutTokenId is { } token)
        {
            await scheduler.CancelScheduledPublish<HandoffDue>(token, cancellationToken);
            row.TimeoutTokenId = null;
        }

        await publish.Publish(row.Event(accepted ? HandoffStep.Accepted : HandoffStep.Rejected, now, offer), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The handoff changed while it was answered (it may have moved up); read it again.", HandoffRow.Open);
        }

        return TypedResults.Ok(View(row, canAnswer: false));
    }

    private static ProblemHttpResult OpenAlready() =>
        Problems.Conflict("The escalation already has a handoff waiting for an answer: it must be accepted, rejected or expire first.", HandoffRow.Open);

    private static bool IsManager(ITenantContext tenant) => tenant.Identity.HasRole("manager") || tenant.Identity.HasRole("admin");

    private static async Task<bool> MayAnswerAsync(RoutingDbContext db, HandoffRow row, string callerId, CancellationToken cancellationToken)
    {
        var teamMembers = row.AskedId is null && row.Level == HandoffLevel.Receiver
            ? await db.Members.AsNoTracking().Where(member => member.TenantId == row.TenantId && member.TeamId == row.ToTeamId).Select(member => member.Id)
                .ToListAsync(cancellationToken)
            : [];
        return HandoffRules.MayAnswer(callerId, row.Level, row.AskedId, teamMembers, row.LeadId);
    }

    private static HandoffView View(HandoffRow row, bool canAnswer) => new(
        row.Id, row.EscalationId, row.State, row.FromId is null ? null : new(row.FromId, row.FromName!), new(row.RequestedById, row.RequestedByName),
        new(row.ToTeamId, row.ToTeamName), row.ToMemberId, row.Level, row.AskedId is null ? null : new(row.AskedId, row.AskedName!),
        row.Reason, row.ContextSummary, row.ActionsTaken, row.RespondBy, row.CreatedAt,
        row.AnsweredById is null ? null : new(row.AnsweredById, row.AnsweredByName!), row.Answer, row.AnsweredAt, canAnswer);
}
