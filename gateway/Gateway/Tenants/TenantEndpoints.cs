using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Data;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Gateway.Tenants;

/// <summary>A tenant as the operator writes it: its name, its time zone and, when it is created, its default
/// calendar (the business hours and holidays its SLA clocks start from).</summary>
public sealed record TenantDraft(string? Name = null, string? TimeZone = null, CalendarDraft? DefaultCalendar = null);

public sealed record TenantView(string Id, string Name, string TimeZone, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy);

/// <summary>Tenant provisioning (<see cref="TenantProvisioning"/>), for the platform operator only; a tenant's name and
/// time zone can be changed later with If-Match.</summary>
public static class TenantEndpoints
{
    public const string Prefix = "/api/v1/ops/tenants";
    private const int MaxPage = 1_000;

    public static IEndpointRouteBuilder MapTenantProvisioning(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup(Prefix).WithTags("Operations").RequireAuthorization(PlatformPolicies.Operations);
        tenants.MapGet("/", ListAsync)
            .WithSummary("The provisioned tenants by id: at most limit (1-1000, default 1000) after the id given as after; a Link header (rel=next) names the next page.");
        tenants.MapGet("/{tenantId}", GetAsync).WithSummary("A provisioned tenant, with its ETag.");
        tenants.MapPut("/{tenantId}", PutAsync)
            .WithSummary("Provisions a tenant with its defaults (SLA policy with its calendar, escalation matrix, escalation policy), or renames it (If-Match required); the platform operator only.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<List<TenantView>>, ValidationProblem>> ListAsync(
        GatewayDbContext db, HttpContext http, CancellationToken cancellationToken, int limit = MaxPage, string? after = null)
    {
        var errors = new ValidationErrors();
        errors.Range("limit", limit, 1, MaxPage);
        if (after is not null && !Tenant.IsValid(after))
        {
            errors.Add("after", "a tenant id, as the previous page's Link names it");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var page = await db.Tenants.AsNoTracking().Where(row => after == null || string.Compare(row.Id, after) > 0)
            .OrderBy(row => row.Id).Take(limit + 1).ToListAsync(cancellationToken);
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            http.Response.Headers.Link = $"<{Prefix}?limit={limit}&after={page[^1].Id}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Select(View).ToList());
    }

    private static async Task<Results<Ok<TenantView>, ProblemHttpResult>> GetAsync(string tenantId, GatewayDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (await db.Tenants.AsNoTracking().SingleOrDefaultAsync(row => row.Id == tenantId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("tenant", tenantId);
        }

        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Ok(View(row));
    }

    private static async Task<Results<Ok<TenantView>, Created<TenantView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string tenantId, TenantDraft draft, GatewayDbContext db, TenantProvisioning provisioning, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("name", draft.Name, 200, required: true);
        if (!Tenant.IsValid(tenantId))
        {
            errors.Add("tenantId", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit");
        }

        if (draft.TimeZone is not { Length: > 0 and <= 64 } zone || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            errors.Add("timeZone", "an IANA time zone, such as Europe/Berlin or America/New_York");
        }

        var row = errors.IsValid ? await db.Tenants.SingleOrDefaultAsync(existing => existing.Id == tenantId, cancellationToken) : null;
        if (row is not null && draft.DefaultCalendar is not null)
        {
            errors.Add("defaultCalendar", "given once, when the tenant is provisioned; the tenant's admins change business hours and holidays in its SLA policy");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem("The tenant is not valid.");
        }

        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), row is null ? null : ETag(row), "tenant") is { } refused)
        {
            return refused;
        }

        if (row is null)
        {
            var (outcome, tenant, refusal) = await provisioning.ProvisionAsync(tenantId, draft.Name!.Trim(), draft.TimeZone!, draft.DefaultCalendar, Operator(http), cancellationToken);
            if (outcome == Provisioned.Refused)
            {
                return refusal!.Errors is { } calendar
                    ? new ValidationErrors().AddAll(calendar).ToProblem("The tenant's default calendar is not valid.")
                    : TypedResults.Problem(
                        $"The {refusal.Unavailable} service could not create the tenant's defaults, so the tenant was not created. Send the same request again.",
                        statusCode: StatusCodes.Status503ServiceUnavailable, title: "A service is unavailable.");
            }

            if (outcome == Provisioned.Existed)
            {
                return FieldProblems.Result(StatusCodes.Status409Conflict, "The tenant exists.",
                    "Another request provisioned the tenant at the same moment: read it, then send If-Match to change it.", "tenantId");
            }

            http.Response.Headers.ETag = ETag(tenant!);
            return TypedResults.Created($"{Prefix}/{tenantId}", View(tenant!));
        }

        (row.Name, row.TimeZone, row.UpdatedAt, row.UpdatedBy) = (draft.Name!.Trim(), draft.TimeZone!, clock.GetUtcNow().UtcDateTime, Operator(http));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null);
        }

        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Ok(View(row));
    }

    private static TenantView View(TenantRow row) => new(row.Id, row.Name, row.TimeZone, row.CreatedAt, row.CreatedBy, row.UpdatedAt, row.UpdatedBy);

    private static string Operator(HttpContext http) => http.User.FindFirst(PlatformClaims.Subject)?.Value ?? "operator";

    private static string ETag(TenantRow row) => $"\"{row.RowVersion}\"";
}
