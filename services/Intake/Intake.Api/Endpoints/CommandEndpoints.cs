using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Commands;
using Intake.Api.Data;
using Intake.Api.Lifecycle;
using Intake.Api.Records;
using Intake.Api.Views;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.Api.Endpoints;

/// <summary>The commands on one escalation (POST /api/v1/escalations/{id}/...). Each answers 200 with the record
/// (without clocks, which sla updates a moment later) and its ETag; 400, 403, 404, 409 or 412 with problem details.</summary>
public static class CommandEndpoints
{
    public static void Map(RouteGroupBuilder escalation)
    {
        Command(escalation, "/acknowledge", AcknowledgeAsync, "The offered person takes ownership (the caller must be the person offered).");
        Command(escalation, "/context", AddContextAsync, "Adds facts; triage assesses the case again (a case waiting for information continues).");
        Command(escalation, "/actions", RecordActionAsync, "Records an action taken; the first one puts an acknowledged case in progress.");
        Command(escalation, "/customer-updates", PostCustomerUpdateAsync, "A public update to the customer; the next update is due one update interval later.");
        Command(escalation, "/wait-on-customer", WaitOnCustomerAsync, "Waits for the customer (the resolution clock pauses); the reason says what is awaited.");
        Command(escalation, "/resume", ResumeAsync, "The customer answered: work goes on and the resolution clock runs again.");
        Command(escalation, "/resolve", ResolveAsync, "A fix or workaround; S1 and S2 need the root cause. Closes by itself unless confirmed or reopened.");
        Command(escalation, "/confirm-closure", ConfirmClosureAsync, "The customer confirms the resolution: closed.");
        Command(escalation, "/reopen", ReopenAsync, "The resolution did not hold: reopened, with a reason.");
        Command(escalation, "/cancel", CancelAsync, "Withdraws an open escalation, with a reason.");
    }

    private static void Command(RouteGroupBuilder escalation, string pattern, Delegate handler, string summary) =>
        escalation.MapPost(pattern, handler).WithIdempotency<IntakeDbContext, RouteHandlerBuilder>()
            .WithSummary(summary)
            .Produces<EscalationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static Task<IResult> AcknowledgeAsync(Guid id, NoteRequest? request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.Acknowledge, http, CommandRequestValidation.Note(request), async (record, _, actor) =>
        {
            var handoff = record.OwnerId is not null && record.OwnerId != actor.Id ? $" (handed over from {record.OwnerName})" : "";
            record.OwnerId = actor.Id;
            record.OwnerName = record.OfferedToName;
            record.AcknowledgedAt = services.Changes.Now.UtcDateTime;
            await services.Changes.MoveAsync(record, Acknowledged, actor, "acknowledged", $"{record.OwnerName} owns it now{handoff}", request?.Note, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> AddContextAsync(Guid id, ContextRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.AddContext, http, CommandRequestValidation.Context(request, services.Changes.Now), async (record, _, actor) =>
        {
            var facts = StoredJson.Read<CaseFacts>(record.Facts);
            var updated = facts with
            {
                Context = request.Context is null ? facts.Context : CaseFactsInputs.Merge(facts.Context, request.Context),
                Impact = request.Impact is null ? facts.Impact : CaseFactsInputs.Merge(facts.Impact, request.Impact),
                Urgency = request.Urgency is null ? facts.Urgency : CaseFactsInputs.Merge(facts.Urgency, request.Urgency),
                ActionsTaken = request.ActionsTaken is null ? facts.ActionsTaken : [.. facts.ActionsTaken.Concat(request.ActionsTaken).Take(CaseFactsInputs.MaxItems)],
            };
            record.Facts = StoredJson.Write(updated);
            var added = new[] { ("context", request.Context is not null), ("impact", request.Impact is not null), ("urgency", request.Urgency is not null), ("actions taken", request.ActionsTaken is not null) }
                .Where(part => part.Item2).Select(part => part.Item1);
            services.Changes.Note(record, actor, "context-added", $"Added {string.Join(", ", added)}", request.Note);
            await services.Changes.PublishAsync(new EscalationFactsUpdated { EscalationId = record.CorrelationId, TenantId = record.TenantId, Facts = updated }, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> RecordActionAsync(Guid id, ActionRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.RecordAction, http, CommandRequestValidation.Action(request), async (record, decision, actor) =>
        {
            await services.NoteOrMoveAsync(record, decision, actor, "action-recorded", request.Description!, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> PostCustomerUpdateAsync(Guid id, CustomerUpdateRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.PostCustomerUpdate, http, CommandRequestValidation.CustomerUpdate(request), async (record, decision, actor) =>
        {
            await services.NoteOrMoveAsync(record, decision, actor, "customer-update-posted", request.Message!, cancellationToken);
            await services.Changes.PublishAsync(new CustomerUpdatePosted
            {
                EscalationId = record.CorrelationId, TenantId = record.TenantId, Key = record.Key, Message = request.Message!, Actor = actor, At = services.Changes.Now,
            }, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> WaitOnCustomerAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.WaitOnCustomer, http, CommandRequestValidation.Reason(request), async (record, _, actor) =>
        {
            await services.Changes.MoveAsync(record, WaitingOnCustomer, actor, "waiting-on-customer", "The resolution clock is paused", request.Reason, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> ResumeAsync(Guid id, NoteRequest? request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.Resume, http, CommandRequestValidation.Note(request), async (record, _, actor) =>
        {
            await services.Changes.MoveAsync(record, InProgress, actor, "resumed", "The resolution clock runs again", request?.Note, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> ResolveAsync(Guid id, ResolveRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.Resolve, http, new ValidationErrors(), async (record, _, actor) =>
        {
            var errors = new ValidationErrors().AddAll(ResolutionRules.Validate((Severity?)record.Severity, request.Kind, request.Summary, request.RootCause));
            if (!errors.IsValid)
            {
                return errors.ToProblem("The resolution is not complete.");
            }

            await services.Resolutions.ResolveAsync(record, request.Kind!.Value, request.Summary!, request.RootCause, actor, "resolved", cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> ConfirmClosureAsync(Guid id, NoteRequest? request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.ConfirmClosure, http, CommandRequestValidation.Note(request), async (record, _, actor) =>
        {
            await services.Resolutions.CancelAutoCloseAsync(record, cancellationToken);
            record.ClosedAt = services.Changes.Now.UtcDateTime;
            await services.Changes.MoveAsync(record, Closed, actor, "closure-confirmed", "The customer confirmed the resolution", request?.Note, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> ReopenAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.Reopen, http, CommandRequestValidation.Reason(request), async (record, _, actor) =>
        {
            await services.Resolutions.CancelAutoCloseAsync(record, cancellationToken);
            record.ClosedAt = null;
            await services.Changes.MoveAsync(record, Reopened, actor, "reopened", $"{record.OwnerName} owns it again", request.Reason, cancellationToken);
            return null;
        }, cancellationToken);

    private static Task<IResult> CancelAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, Intake.Domain.Command.Cancel, http, CommandRequestValidation.Reason(request), async (record, _, actor) =>
        {
            await services.Resolutions.CancelAutoCloseAsync(record, cancellationToken);
            await services.Changes.MoveAsync(record, Cancelled, actor, "cancelled", null, request.Reason, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>What every command handler needs, bound from DI in one parameter.</summary>
    public sealed class Services(
        EscalationCommands commands, EscalationChanges changes, Resolutions resolutions, ITenantContext tenant)
    {
        public EscalationChanges Changes => changes;

        public Resolutions Resolutions => resolutions;

        public Task<IResult> RunAsync(Guid id, Intake.Domain.Command command, HttpContext http, ValidationErrors requestErrors,
            Func<EscalationRecord, CommandDecision, Actor, Task<IResult?>> change, CancellationToken cancellationToken)
        {
            if (!requestErrors.IsValid)
            {
                return Task.FromResult<IResult>(requestErrors.ToProblem());
            }

            var actor = tenant.Actor;
            return commands.RunAsync(tenant.Identity, id, command, http, (record, decision) => change(record, decision, actor), cancellationToken);
        }

        /// <summary>Work recorded on an acknowledged or reopened case also puts it in progress: one timeline entry either way.</summary>
        public async Task NoteOrMoveAsync(EscalationRecord record, CommandDecision decision, Actor actor, string what, string detail, CancellationToken cancellationToken)
        {
            if (decision.MovesTo is { } to)
            {
                await changes.MoveAsync(record, to, actor, what, detail, "work started", cancellationToken);
            }
            else
            {
                changes.Note(record, actor, what, detail);
            }
        }
    }
}
