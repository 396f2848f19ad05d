using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Commands;
using Intake.Api.Data;
using Intake.Api.Views;
using Intake.Domain;

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
        Command(escalation, "/contest", ContestAsync, "The workaround a deflection gave back does not help: the case is routed to an expert team after all, with a reason.");
        Command(escalation, "/severity", ChangeSeverityAsync,
            "Raises or lowers the severity, with a reason (the owner, the team lead or a manager): the clocks and an unanswered offer follow it, and triage no longer changes it.");
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
        services.RunAsync(id, CommandRequestValidation.Note(request), new CaseCommand.Acknowledge(request?.Note), http, cancellationToken);

    private static Task<IResult> AddContextAsync(Guid id, ContextRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Context(request, services.Now), new CaseCommand.AddContext(request.Added(), request.Note), http,
            cancellationToken);

    private static Task<IResult> RecordActionAsync(Guid id, ActionRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Action(request), new CaseCommand.RecordAction(request.Description!), http, cancellationToken);

    private static Task<IResult> PostCustomerUpdateAsync(Guid id, CustomerUpdateRequest request, HttpContext http, Services services,
        CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.CustomerUpdate(request), new CaseCommand.PostCustomerUpdate(request.Message!), http,
            cancellationToken);

    private static Task<IResult> WaitOnCustomerAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Reason(request), new CaseCommand.WaitOnCustomer(request.Reason!), http, cancellationToken);

    private static Task<IResult> ResumeAsync(Guid id, NoteRequest? request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Note(request), new CaseCommand.Resume(request?.Note), http, cancellationToken);

    private static Task<IResult> ResolveAsync(Guid id, ResolveRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, new ValidationErrors(), new CaseCommand.Resolve(request.Kind, request.Summary, request.RootCause), http, cancellationToken);

    private static Task<IResult> ConfirmClosureAsync(Guid id, NoteRequest? request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Note(request), new CaseCommand.ConfirmClosure(request?.Note), http, cancellationToken);

    private static Task<IResult> ContestAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Reason(request), new CaseCommand.Contest(request.Reason!), http, cancellationToken);

    private static Task<IResult> ReopenAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Reason(request), new CaseCommand.Reopen(request.Reason!), http, cancellationToken);

    private static Task<IResult> CancelAsync(Guid id, ReasonRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.Reason(request), new CaseCommand.Cancel(request.Reason!), http, cancellationToken);

    private static Task<IResult> ChangeSeverityAsync(Guid id, SeverityRequest request, HttpContext http, Services services, CancellationToken cancellationToken) =>
        services.RunAsync(id, CommandRequestValidation.SeverityChange(request), new CaseCommand.ChangeSeverity(request.Severity, request.Reason!), http, cancellationToken);

    /// <summary>What every command handler needs, bound from DI in one parameter.</summary>
    public sealed class Services(EscalationCommands commands, ITenantContext tenant, TimeProvider clock)
    {
        public DateTimeOffset Now => clock.GetUtcNow();

        /// <summary>Answers 400 for a request that is not valid; otherwise runs its command.</summary>
        public Task<IResult> RunAsync(Guid id, ValidationErrors requestErrors, CaseCommand command, HttpContext http, CancellationToken cancellationToken) =>
            requestErrors.IsValid
                ? commands.RunAsync(tenant.Identity, id, command, http, cancellationToken)
                : Task.FromResult<IResult>(requestErrors.ToProblem());
    }
}
