using EscalationPlatform.Hosting;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Sla.Api.Clocks;
using Sla.Api.Data;
using Sla.Api.Policies;

namespace Sla.Api.Endpoints;

public static class SlaApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/sla";

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<SlaDbContext>(Prefix, "sla");

        var sla = endpoints.MapGroup(Prefix).WithTags("SLA");
        sla.MapGet("/escalations/{id:guid}/clocks", ClocksAsync).WithSummary("An escalation's clocks as of now (the REST twin of gRPC GetStatus).");
        sla.MapGet("/policy", GetPolicyAsync).WithSummary("The tenant's SLA policy in force.");
        sla.MapPut("/policy", PutPolicyAsync).WithIdempotency<SlaDbContext, RouteHandlerBuilder>().WithSummary("Changes the tenant's SLA policy: the parts given replace, the rest stays.");
        return endpoints;
    }

    private static async Task<Results<Ok<EscalationClocksView>, ProblemHttpResult>> ClocksAsync(
        Guid id, ClockReports reports, ITenantContext tenant, CancellationToken cancellationToken) =>
        (await reports.ForAsync(tenant.TenantId, [id], cancellationToken)).SingleOrDefault() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("escalation with clocks", id.ToString());

    private static async Task<Ok<PolicyDocument>> GetPolicyAsync(PolicyStore policies, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(PolicyDocument.From(await policies.ForAsync(tenant.TenantId, cancellationToken)));

    private static async Task<Results<Ok<PolicyDocument>, ValidationProblem>> PutPolicyAsync(
        PolicyDocument change, PolicyStore policies, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        change.Validate(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem("The policy is not valid.");
        }

        return TypedResults.Ok(PolicyDocument.From(await policies.SaveAsync(tenant.TenantId, change, cancellationToken)));
    }
}
