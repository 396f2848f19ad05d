using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Api.Submission;
using Intake.Api.Views;
using Intake.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Endpoints;

public sealed record CustomerListItem(string Id, string Name, CustomerTier Tier, bool ContractualSla, string TimeZone, string? ContactEmail, string Status);

/// <summary>Submitting escalations and reading them: one record, the queue, and the customer directory.</summary>
public static class RecordEndpoints
{
    private const int MaxCustomers = 1_000;

    public static void Map(RouteGroupBuilder escalations)
    {
        escalations.MapPost("/", SubmitAsync).WithIdempotency<IntakeDbContext, RouteHandlerBuilder>()
            .WithSummary("Hands a case to the platform: 202 with its id and key; triage, routing and SLA follow over the bus.");
        escalations.MapGet("/{id:guid}", GetAsync)
            .WithSummary("The whole record: status, severity and its rules, owner, backup, team, next action, SLA clocks (as sla announced them), missing context, timeline.");
        escalations.MapGet("/{id:guid}/clocks", ClocksAsync)
            .WithSummary("The SLA clocks as of now, from the sla service: with the time elapsed and paused on each clock's calendar (available false when sla cannot answer).");
        escalations.MapGet("/", ListAsync)
            .WithSummary("The queue, newest first: filter by status, severity, issueType, team, owner, offeredTo, customer, tier, breached, and dueBefore (the next action falls due by then); cursor paginated.");
        escalations.MapGet("/customers", CustomersAsync)
            .WithSummary("The tenant's customers by id, at most limit (1-1000, default 1000) after the id given as after; a Link header (rel=next) names the next page. A submission naming one of their ids needs give nothing else about the customer.");
        Customers.CustomerEndpoints.Map(escalations);
    }

    private static async Task<Results<Accepted<Submitted>, ValidationProblem>> SubmitAsync(
        SubmitRequest request, HttpContext http, SubmissionService submissions, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var idempotencyKey = http.Request.Headers[IdempotencyFilter.Header].ToString();
        var (accepted, errors) = await submissions.SubmitAsync(
            tenant.Identity, request, new SubmissionOrigin(IdempotencyKey: idempotencyKey.Length == 0 ? null : idempotencyKey), cancellationToken);
        return accepted is null ? errors.ToProblem() : TypedResults.Accepted($"{IntakeApi.Prefix}/{accepted.Id}", accepted);
    }

    private static async Task<Results<Ok<EscalationView>, ProblemHttpResult>> GetAsync(
        Guid id, EscalationQueries queries, ITenantContext tenant, CancellationToken cancellationToken) =>
        await queries.GetAsync(tenant.Identity, id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("escalation", id.ToString());

    private static async Task<Results<Ok<SlaStatusView>, ProblemHttpResult>> ClocksAsync(
        Guid id, EscalationQueries queries, ITenantContext tenant, CancellationToken cancellationToken) =>
        await queries.ClocksAsync(tenant.Identity, id, cancellationToken) is { } clocks
            ? TypedResults.Ok(clocks)
            : Problems.NotFound("escalation", id.ToString());

    private static async Task<Results<Ok<Page<EscalationSummary>>, ValidationProblem>> ListAsync(
        EscalationQueries queries, ITenantContext tenant, [AsParameters] EscalationListQuery query, CancellationToken cancellationToken,
        int limit = Cursor.DefaultLimit)
    {
        var errors = new ValidationErrors();
        var (filter, after) = EscalationFilter.Parse(query, errors);
        errors.Range("limit", limit, 1, Cursor.MaxLimit);
        return errors.IsValid
            ? TypedResults.Ok(await queries.ListAsync(tenant.Identity, filter, after, limit, cancellationToken))
            : errors.ToProblem();
    }

    private static async Task<Results<Ok<List<CustomerListItem>>, ValidationProblem>> CustomersAsync(
        IntakeDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken, int limit = MaxCustomers, string? after = null)
    {
        var errors = new ValidationErrors();
        errors.Range("limit", limit, 1, MaxCustomers);
        if (after is not null && !CustomerProfiles.Identifier().IsMatch(after))
        {
            errors.Add("after", "a customer id (letters, digits, dots, dashes and underscores), as the previous page's Link names it");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var page = await db.Customers.AsNoTracking()
            .Where(customer => customer.TenantId == tenant.TenantId && (tenant.CustomerId == null || customer.Id == tenant.CustomerId))
            .Where(customer => after == null || string.Compare(customer.Id, after) > 0)
            .OrderBy(customer => customer.Id)
            .Take(limit + 1).ToListAsync(cancellationToken);
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            http.Response.Headers.Link = $"</api/v1/escalations/customers?limit={limit}&after={Uri.EscapeDataString(page[^1].Id)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Select(customer => new CustomerListItem(customer.Id, customer.Name, customer.Tier,
                customer.ContractualSla, customer.TimeZone, customer.ContactEmail, customer.Status))
            .ToList());
    }
}
