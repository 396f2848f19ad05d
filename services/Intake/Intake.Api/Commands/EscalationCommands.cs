using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Lifecycle;
using Intake.Api.Records;
using Intake.Api.Views;
using Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;

namespace Intake.Api.Commands;

/// <summary>Runs a command on a record: 404 when the caller cannot see such an escalation (another tenant's, or for a
/// credential bound to a customer, another customer's), 412 when If-Match names an older version; then the Domain
/// decides (<see cref="CaseCommands"/>): 403 when the caller may not do this to this case, 409 (with the current
/// status) when the lifecycle does not allow it, 400 when its input is incomplete; otherwise its changes are saved
/// with the messages they cause. A concurrent change by the lifecycle saga is decided again on the fresh record
/// (unless the client pinned a version with If-Match).</summary>
public sealed class EscalationCommands(IntakeDbContext db, EscalationChanges changes, EscalationQueries queries, IOptions<LifecycleOptions> lifecycle)
{
    private const int Attempts = 3;

    public async Task<IResult> RunAsync(PlatformIdentity identity, Guid id, CaseCommand command, HttpContext http, CancellationToken cancellationToken)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var caller = Callers.Of(identity);
        var decidedIn = EscalationStatus.Submitted;
        var saving = ifMatch.Length == 0 ? SaveRetry.On(db, Attempts, error => error is DbUpdateConcurrencyException) : ResiliencePipeline.Empty;
        try
        {
            return await saving.ExecuteAsync<IResult>(async attempt =>
            {
                var record = await db.Escalations.FirstOrDefaultAsync(row => row.TenantId == identity.TenantId && row.CorrelationId == id, attempt);
                if (record is null || !CaseAccess.CanSee(caller, record.CustomerId))
                {
                    return Problems.NotFound("escalation", id.ToString());
                }

                if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != EscalationViews.ETag(record))
                {
                    return Problems.PreconditionFailed(EscalationViews.ETag(record));
                }

                decidedIn = record.Status;
                var decision = CaseCommands.Decide(record.ToState(), command, caller, changes.Now, lifecycle.Value.AutoCloseAfter);
                if (decision.Refusal is { } refusal)
                {
                    return Refused(refusal, command, caller, record);
                }

                await changes.ApplyAsync(record, decision, attempt);
                await db.SaveChangesAsync(attempt);
                var (view, etag) = await queries.ViewAsync(record, caller, attempt);
                http.Response.Headers.ETag = etag;
                return TypedResults.Ok(view);
            }, cancellationToken);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation("DedupKey"))
        {
            db.ChangeTracker.Clear();
            return Problems.Conflict("Another open escalation carries this alert's deduplication key; work on that one.", KebabEnum<EscalationStatus>.Name(decidedIn));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Escalations.AsNoTracking().FirstAsync(row => row.CorrelationId == id, cancellationToken);
            return ifMatch.Length > 0
                ? Problems.PreconditionFailed(EscalationViews.ETag(current))
                : Problems.Conflict("The escalation kept changing while this command ran; send it again.", KebabEnum<EscalationStatus>.Name(current.Status));
        }
    }

    private static IResult Refused(Refusal refusal, CaseCommand command, Caller caller, EscalationRecord record)
    {
        var name = KebabEnum<Command>.Name(command.Kind);
        var status = KebabEnum<EscalationStatus>.Name(record.Status);
        return refusal.Kind switch
        {
            RefusalKind.Forbidden => Problems.Forbidden($"'{caller.Id}' cannot {name} {record.Key}: {refusal.Reason}.", "actor"),
            RefusalKind.Invalid => new ValidationErrors().AddAll(refusal.Errors ?? new Dictionary<string, string[]>()).ToProblem(refusal.Reason),
            _ => Problems.Conflict($"Cannot {name} an escalation that is {status}: {refusal.Reason}.", status),
        };
    }
}
