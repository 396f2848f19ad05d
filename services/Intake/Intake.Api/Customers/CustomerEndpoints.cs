using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Intake.Api.Data;
using Intake.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Customers;

/// <summary>A customer as GET answers it and PUT takes it (the id is the path's).</summary>
public sealed record CustomerDocument(
    string Id, string Name, string Tier, bool ContractualSla, string TimeZone, IReadOnlyList<CustomerContact> Contacts,
    IReadOnlyList<CustomerContact> AccountTeam, string Status);

/// <summary>The tenant's customers as a directory its managers keep (<see cref="CustomerProfiles"/>): read with an
/// ETag, replaced whole with If-Match, every change kept with who made it. A submission naming a customer takes its
/// tier, contract, time zone and contact from here (<see cref="CustomerDirectory"/>). A credential bound to a customer
/// sees only that customer.</summary>
public static class CustomerEndpoints
{
    private const string CustomerPath = "/customers/{customerId:regex(^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$)}";

    public static void Map(RouteGroupBuilder escalations)
    {
        escalations.MapGet(CustomerPath, GetAsync).WithSummary("A customer of the tenant, with its ETag.");
        escalations.MapPut(CustomerPath, PutAsync)
            .WithSummary("Creates the customer, or replaces it (If-Match with the ETag read is required to replace); managers and admins.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        escalations.MapGet($"{CustomerPath}/changes", ChangesAsync).WithSummary("Who changed the customer, when and how, newest first (at most 100).");
    }

    private static async Task<Results<Ok<CustomerDocument>, ProblemHttpResult>> GetAsync(
        string customerId, IntakeDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, tenant, customerId, cancellationToken) is not { } customer)
        {
            return Problems.NotFound("customer", customerId);
        }

        http.Response.Headers.ETag = ETag(customer);
        return TypedResults.Ok(Document(customer));
    }

    private static async Task<Results<Ok<CustomerDocument>, Created<CustomerDocument>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string customerId, CustomerDraft draft, IntakeDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (profile, problems) = CustomerProfiles.Check(customerId, draft);
        if (profile is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The customer is not valid.");
        }

        var customer = await db.Customers.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == customerId, cancellationToken);
        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), customer is null ? null : ETag(customer), "customer") is { } refused)
        {
            return refused;
        }

        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer { TenantId = tenant.TenantId, Id = customerId, Name = profile.Name, Tier = profile.Tier, TimeZone = profile.TimeZone };
            db.Customers.Add(customer);
        }

        (customer.Name, customer.Tier, customer.ContractualSla, customer.TimeZone) = (profile.Name, profile.Tier, profile.ContractualSla, profile.TimeZone);
        (customer.Contacts, customer.AccountTeam, customer.ContactEmail) = ([.. profile.Contacts], [.. profile.AccountTeam], profile.ContactEmail);
        customer.Status = KebabEnum<CustomerStatus>.Name(profile.Status);
        db.CustomerChanges.Add(CustomerChange.Of(tenant, clock, customerId, created ? "created" : "replaced",
            $"{profile.Name}: {KebabEnum<CustomerTier>.Name(profile.Tier)}, {(profile.ContractualSla ? "contractual SLA" : "no contractual SLA")}, " +
            $"{profile.TimeZone}, {profile.Contacts.Count} contacts, account team of {profile.AccountTeam.Count}, {customer.Status}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null); // changed between the read and the save
        }

        http.Response.Headers.ETag = ETag(customer);
        return created
            ? TypedResults.Created($"/api/v1/escalations/customers/{customerId}", Document(customer))
            : TypedResults.Ok(Document(customer));
    }

    private static async Task<Results<Ok<List<CustomerChangeView>>, ProblemHttpResult>> ChangesAsync(
        string customerId, IntakeDbContext db, ITenantContext tenant, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, tenant, customerId, cancellationToken) is null)
        {
            return Problems.NotFound("customer", customerId);
        }

        return TypedResults.Ok(await db.CustomerChanges.AsNoTracking()
            .Where(change => change.TenantId == tenant.TenantId && change.CustomerId == customerId)
            .OrderByDescending(change => change.Id).Take(100)
            .Select(change => new CustomerChangeView(change.At, change.ActorId, change.ActorName, change.Change, change.Summary))
            .ToListAsync(cancellationToken));
    }

    /// <summary>The customer, unless the caller's credential is bound to another one.</summary>
    private static Task<Customer?> FindAsync(IntakeDbContext db, ITenantContext tenant, string customerId, CancellationToken cancellationToken) =>
        tenant.CustomerId is { } bound && bound != customerId
            ? Task.FromResult<Customer?>(null)
            : db.Customers.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == customerId, cancellationToken);

    private static string ETag(Customer customer) => $"\"{customer.RowVersion}\"";

    private static CustomerDocument Document(Customer customer) => new(
        customer.Id, customer.Name, KebabEnum<CustomerTier>.Name(customer.Tier), customer.ContractualSla, customer.TimeZone,
        customer.Contacts.Count > 0 || customer.ContactEmail is null ? customer.Contacts : [new CustomerContact(customer.Name, customer.ContactEmail, null)],
        customer.AccountTeam, customer.Status);
}
