using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Records;
using Intake.Api.Views;
using Intake.Domain;
using EscalationPlatform.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Commands;

/// <summary>Runs a command on a record: 404 when the caller cannot see such an escalation (another tenant's, or for a
/// credential bound to a customer, another customer's), 412 when If-Match names an older version, 403 when the caller
/// may not do this to this case (<see cref="CaseAccess"/>), 409 (with the current status) when the lifecycle does not
/// allow it, otherwise the command's own checks
/// and changes, saved with the messages they cause. A concurrent change by the lifecycle saga is retried on the
/// fresh record (unless the client pinned a version with If-Match).</summary>
public sealed class EscalationCommands(IntakeDbContext db, EscalationQueries queries)
{
    private const int Attempts = 3;

    /// <summary>Applies the command's change to a record it is allowed on; returns a problem to refuse it instead.</summary>
    public delegate Task<IResult?> Change(EscalationRecord record, CommandDecision decision);

    public async Task<IResult> RunAsync(PlatformIdentity identity, Guid id, Command command, HttpContext http, Change change, CancellationToken cancellationToken)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        var caller = new Caller(identity.Actor.Id, identity.HasRole("manager") || identity.HasRole("admin"), identity.CustomerId);
        for (var attempt = 1; ; attempt++)
        {
            var record = await db.Escalations.FirstOrDefaultAsync(row => row.TenantId == identity.TenantId && row.CorrelationId == id, cancellationToken);
            if (record is null || !CaseAccess.CanSee(caller, record.CustomerId))
            {
                return Problems.NotFound("escalation", id.ToString());
            }

            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != EscalationViews.ETag(record))
            {
                return Problems.PreconditionFailed(EscalationViews.ETag(record));
            }

            var parties = new CaseParties(record.OwnerId, record.OfferedToId, record.TeamLeadId, record.SubmittedById, record.CustomerId);
            if (CaseAccess.Refusal(command, parties, caller) is { } notAllowed)
            {
                return Problems.Forbidden($"'{caller.Id}' cannot {KebabEnum<Command>.Name(command)} {record.Key}: {notAllowed}.", "actor");
            }

            var status = EscalationChanges.StatusOf(record);
            var decision = CommandRules.Decide(command, status);
            if (!decision.Allowed)
            {
                return Problems.Conflict($"Cannot {KebabEnum<Command>.Name(command)} an escalation that is {KebabEnum<EscalationStatus>.Name(status)}: {decision.Refusal}.",
                    KebabEnum<EscalationStatus>.Name(status));
            }

            if (await change(record, decision) is { } refusal)
            {
                return refusal;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts && ifMatch.Length == 0)
            {
                db.ChangeTracker.Clear(); // the saga changed it meanwhile: decide again on the fresh record
                continue;
            }
            catch (DbUpdateException error) when (Submission.SubmissionService.IsUniqueViolation(error, "DedupKey"))
            {
                db.ChangeTracker.Clear();
                return Problems.Conflict("Another open escalation carries this alert's deduplication key; work on that one.",
                    KebabEnum<EscalationStatus>.Name(status));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Escalations.AsNoTracking().FirstAsync(row => row.CorrelationId == id, cancellationToken);
                return ifMatch.Length > 0
                    ? Problems.PreconditionFailed(EscalationViews.ETag(current))
                    : Problems.Conflict("The escalation kept changing while this command ran; send it again.", KebabEnum<EscalationStatus>.Name(EscalationChanges.StatusOf(current)));
            }

            var (view, etag) = await queries.ViewAsync(record, cancellationToken);
            http.Response.Headers.ETag = etag;
            return TypedResults.Ok(view);
        }
    }
}
