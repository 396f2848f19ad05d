using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Customers;
using Intake.Api.Data;
using Intake.Api.Records;
using Intake.Domain;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Submission;

/// <summary>The answer to a submission; <see cref="Ignored"/> names what the caller gave that the platform did not
/// take (a known customer's facts come from the customer directory only).</summary>
public sealed record Submitted(Guid Id, string Key, EscalationStatus Status, IReadOnlyList<string>? Ignored = null);

/// <summary>Where a submission comes from: its source (portal, partner, pagerduty-events, alertmanager), the
/// caller's idempotency key and a monitoring source's deduplication key.</summary>
public sealed record SubmissionOrigin(string? Source = null, string? IdempotencyKey = null, string? DedupKey = null);

/// <summary>Accepts a case: validates it, numbers it, stores the record with its first timeline entry and announces it
/// (EscalationSubmitted) in one transaction. A known customer's name, tier, contract, time zone and contact come
/// from the customer directory, whatever the caller says; an unknown customer has no contract and no contact the
/// platform would mail. A credential bound to a customer submits for that customer only.</summary>
public sealed class SubmissionService(IntakeDbContext db, EscalationNumbers numbers, EscalationChanges changes, TriageAssessor triage)
{
    public async Task<(Submitted? Accepted, ValidationErrors Errors)> SubmitAsync(
        PlatformIdentity caller, SubmitRequest request, SubmissionOrigin origin, CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId;
        var actor = caller.Actor;
        if (origin.IdempotencyKey is { } idempotencyKey && await SubmittedUnderAsync(tenantId, actor.Id, idempotencyKey, cancellationToken) is { } earlier)
        {
            return (earlier, new ValidationErrors()); // the key outlived the API's idempotency record: still the same escalation
        }

        var errors = new ValidationErrors();
        if (caller.CustomerId is { } bound && request.Customer?.Id is { } named && named != bound)
        {
            return (null, errors.Add("customer.id", $"this credential submits for its own customer only ('{bound}')"));
        }

        var known = request.Customer?.Id is { Length: > 0 and <= CaseFactsInputs.MaxShortText } customerId
            ? await db.Customers.FindAsync([tenantId, customerId], cancellationToken)
            : null;
        var now = changes.Now;
        SubmitRequestValidation.Validate(request, errors);
        CaseFactsInputs.Validate(request, errors, now, customerKnown: known is not null);
        if (!errors.IsValid)
        {
            return (null, errors);
        }

        var given = request.Customer!;
        var (customer, ignored) = CustomerDirectory.Decide(
            new CustomerGiven(given.Id!, given.Name, given.Tier, given.ContractualSla, given.TimeZone, given.ContactEmail), known is null ? null : Facts(known));
        var facts = CaseFactsInputs.ToFacts(request, now, customer);
        var number = await numbers.NextAsync(db, tenantId, cancellationToken);
        var state = EscalationState.Submitted(Guid.CreateVersion7(now), tenantId, EscalationKey.Format(number), request.Title!, actor.Id, facts);
        var assessment = await triage.AssessAsync(tenantId, state.Id, request with { Customer = Input(customer) }, cancellationToken);
        var submitted = (assessment is null ? null : Submissions.AcceptedAndTriaged(state, actor, request.ExternalReference, assessment, now))
            ?? Submissions.Accepted(state, actor, request.ExternalReference, now);
        var record = new EscalationRecord
        {
            CorrelationId = state.Id,
            TenantId = tenantId,
            Number = number,
            Key = state.Key,
            Source = origin.Source ?? (actor.Kind == ActorKind.Partner ? "partner" : "portal"),
            ExternalReference = request.ExternalReference,
            IdempotencyKey = origin.IdempotencyKey,
            SubmittedById = actor.Id,
            DedupKey = origin.DedupKey,
            Title = state.Title,
            Description = request.Description,
            Status = state.Status, // the decision moves it on (to triaged, when triage answered at once)
            Facts = facts,
            IssueType = facts.IssueType,
            CustomerId = facts.Customer.Id,
            CustomerName = facts.Customer.Name,
            CustomerTier = facts.Customer.Tier,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        db.Escalations.Add(record);
        await changes.ApplyAsync(record, submitted, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (origin.IdempotencyKey is { } key && error.IsUniqueViolation("IdempotencyKey"))
        {
            db.ChangeTracker.Clear(); // the same key submitted at the same moment (over gRPC): the other one won
            return ((await SubmittedUnderAsync(tenantId, actor.Id, key, cancellationToken))!, errors);
        }

        return (new Submitted(record.CorrelationId, record.Key, record.Status, ignored.Count == 0 ? null : ignored), errors);
    }

    private async Task<Submitted?> SubmittedUnderAsync(string tenantId, string submitter, string idempotencyKey, CancellationToken cancellationToken) =>
        await db.Escalations.AsNoTracking()
            .Where(row => row.TenantId == tenantId && row.SubmittedById == submitter && row.IdempotencyKey == idempotencyKey)
            .Select(row => new Submitted(row.CorrelationId, row.Key, EscalationStatus.Submitted))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The customer as decided (the directory's facts for a known one), in the shape triage reads.</summary>
    private static CustomerInput Input(CustomerFacts customer) => new()
    {
        Id = customer.Id,
        Name = customer.Name,
        Tier = customer.Tier,
        ContractualSla = customer.ContractualSla,
        TimeZone = customer.TimeZone,
        ContactEmail = customer.ContactEmail,
    };

    private static CustomerFacts Facts(Customer customer) => new()
    {
        Id = customer.Id,
        Name = customer.Name,
        Tier = customer.Tier,
        ContractualSla = customer.ContractualSla,
        TimeZone = customer.TimeZone,
        ContactEmail = customer.ContactEmail,
        AccountTeam = [.. customer.AccountTeam.Select(member => member.Email)],
    };
}
