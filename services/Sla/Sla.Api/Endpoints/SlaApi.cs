using EscalationPlatform.Hosting;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Tenancy;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Clocks;
using Sla.Api.Data;
using Sla.Api.Policies;
using Sla.Domain;

namespace Sla.Api.Endpoints;

/// <summary>The preview of a draft SLA policy over the running clocks: the policy it is compared with, and whether more
/// clocks run than were looked at.</summary>
public sealed record PolicyPreviewView(int PolicyVersion, bool Truncated, PolicyPreviewResult Preview);

public static class SlaApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/sla";

    public const int MaxPreviewed = 5_000;

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<SlaDbContext>(Prefix, "sla");

        var sla = endpoints.MapGroup(Prefix).WithTags("SLA");
        sla.MapGet("/escalations/{id:guid}/clocks", ClocksAsync).WithSummary("An escalation's clocks as of now (the REST twin of gRPC GetStatus).");
        sla.MapConfigDocument<SlaDbContext, SlaPolicy>("/policy", SlaPolicyDocument.Instance, AnnounceAsync);
        sla.MapPost("/policy/drafts/{draftId:guid}/preview", PreviewAsync)
            .WithSummary($"What the draft would do to the running clocks now: each escalation's due times under the policy in force and under the draft, and which would breach or stop breaching (at most {MaxPreviewed} escalations). Changes nothing.");
        return endpoints;
    }

    private static async Task<Results<Ok<EscalationClocksView>, ProblemHttpResult>> ClocksAsync(
        Guid id, ClockReports reports, ITenantContext tenant, CancellationToken cancellationToken) =>
        (await reports.ForAsync(tenant.TenantId, [id], cancellationToken)).SingleOrDefault() is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("escalation with clocks", id.ToString());

    /// <summary>A new version re-plans the tenant's running clocks, through the outbox with the version itself.</summary>
    private static Task AnnounceAsync(HttpContext http, Published<SlaPolicy> published) =>
        http.RequestServices.GetRequiredService<IPublishEndpoint>().Publish(
            new SlaPolicyPublished(http.RequestServices.GetRequiredService<ITenantContext>().TenantId, published.Version, published.Version - 1,
                published.PublishedBy, published.Reason),
            http.RequestAborted);

    private static async Task<Results<Ok<PolicyPreviewView>, ProblemHttpResult>> PreviewAsync(
        Guid draftId, SlaDbContext db, ISlaPolicies policies, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ConfigEndpoints.DraftValueAsync(db, SlaPolicyDocument.Instance, tenant.TenantId, draftId, cancellationToken) is not { } draft)
        {
            return Problems.NotFound("draft of the SLA policy", draftId.ToString());
        }

        var current = await policies.CurrentAsync(tenant.TenantId, cancellationToken);
        var running = await db.Clocks.AsNoTracking()
            .Where(state => state.TenantId == tenant.TenantId && state.CurrentState == ClocksStateMachine.TrackingState)
            .OrderBy(state => state.CorrelationId)
            .Take(MaxPreviewed + 1)
            .ToListAsync(cancellationToken);
        var cases = running.Take(MaxPreviewed).Select(ClockKeeper.Case).ToList();
        return TypedResults.Ok(new PolicyPreviewView(current.Version, running.Count > MaxPreviewed, PolicyPreview.Compare(current.Value, draft, cases, clock.GetUtcNow())));
    }
}
