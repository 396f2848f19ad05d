using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>Changes and deployments partners post (SPEC section 4's release correlation): in the platform's shape here
/// (the gateway also takes them at POST /api/v1/changes) and in PagerDuty's (<see cref="PagerDutyChanges"/>); read back
/// by product area, and for a moment (a problem's or case's first occurrence) the changes of its area or release made
/// shortly before it (<see cref="ChangeCorrelation"/>).</summary>
public static class ChangeEndpoints
{
    public const string Path = "/changes";
    public const int MaxList = 100;

    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapPost(Path, PostAsync).WithIdempotency<TriageDbContext, RouteHandlerBuilder>()
            .WithSummary("Records a change or deployment: summary, kind (deployment or change), source, productArea, release, at (when it happened; now when left out) and a link.");
        triage.MapGet(Path, ListAsync)
            .WithSummary($"The tenant's changes, newest first (at most {MaxList}), of a product area or release; with before, those made within two hours before that moment.");
    }

    private static async Task<Results<Created<ChangeView>, ValidationProblem>> PostAsync(
        ChangeEventDraft draft, TriageDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (change, problems) = ChangeEvents.Check(draft, now);
        if (change is null)
        {
            return ValidationErrors.Of(problems.Select(problem => (problem.Key, problem.Value))).ToProblem("The change is not valid.");
        }

        var row = ChangeRow.Of(tenant.TenantId, change, "api", tenant.Actor.Name, now);
        db.Changes.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Endpoints.TriageApi.Prefix}{Path}/{row.Id}", row.View());
    }

    private static async Task<Results<Ok<List<ChangeView>>, ValidationProblem>> ListAsync(
        TriageDbContext db, ITenantContext tenant, CancellationToken cancellationToken,
        string? productArea = null, string? release = null, DateTimeOffset? before = null, int? limit = null)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > MaxList)
        {
            errors.Add("limit", $"1 to {MaxList}");
        }

        foreach (var (field, value) in new[] { ("productArea", productArea), ("release", release) })
        {
            if (value is not null && (value.Length > ChangeEvents.MaxShort || value.Any(char.IsControl)))
            {
                errors.Add(field, $"at most {ChangeEvents.MaxShort} characters, without control characters");
            }
        }

        if (before is not null && productArea is null && release is null)
        {
            errors.Add("before", "name the productArea or release whose changes before that moment you want");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem("The question is not valid.");
        }

        var query = db.Changes.AsNoTracking().Where(row => row.TenantId == tenant.TenantId);
        if (before is { } moment)
        {
            var (from, to) = ((moment - ChangeCorrelation.Window).UtcDateTime, moment.UtcDateTime);
            var near = await query.Where(row => row.At >= from && row.At <= to).OrderByDescending(row => row.At).Take(10 * MaxList).ToListAsync(cancellationToken);
            return TypedResults.Ok(ChangeCorrelation.Before(near, row => row.Change(), productArea, release, moment).Take(limit ?? MaxList).Select(row => row.View()).ToList());
        }

        if (productArea is not null)
        {
            query = query.Where(row => row.ProductArea != null && row.ProductArea.ToLower() == productArea.ToLower());
        }

        if (release is not null)
        {
            query = query.Where(row => row.Release != null && row.Release.ToLower() == release.ToLower());
        }

        return TypedResults.Ok((await query.OrderByDescending(row => row.At).Take(limit ?? MaxList).ToListAsync(cancellationToken)).Select(row => row.View()).ToList());
    }
}
