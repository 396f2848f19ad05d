using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;

namespace Routing.Api.Teams;

/// <summary>One change to the tenant's directory (a team created, replaced or deleted): who, when, and what it became.</summary>
public sealed class DirectoryChangeRow
{
    public long Id { get; init; }

    public required string TenantId { get; init; }

    public required DateTime At { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>What was changed: "team".</summary>
    public required string Entity { get; init; }

    public required string EntityId { get; init; }

    /// <summary>created, replaced or deleted.</summary>
    public required string Change { get; init; }

    public required string Summary { get; init; }

    public static DirectoryChangeRow Of(ITenantContext tenant, TimeProvider clock, string entity, string entityId, string change, string summary) => new()
    {
        TenantId = tenant.TenantId,
        At = clock.GetUtcNow().UtcDateTime,
        ActorId = tenant.Actor.Id,
        ActorName = tenant.Actor.Name,
        Entity = entity,
        EntityId = entityId,
        Change = change,
        Summary = summary.Length > 1_000 ? summary[..1_000] : summary,
    };
}

public sealed record DirectoryChangeView(DateTime At, string ActorId, string ActorName, string Change, string Summary)
{
    /// <summary>The changes to one entry of the directory ("team", "schedule"), newest first, at most 100.</summary>
    public static Task<List<DirectoryChangeView>> ListAsync(RoutingDbContext db, string tenantId, string entity, string entityId, CancellationToken cancellationToken) =>
        db.DirectoryChanges.AsNoTracking()
            .Where(change => change.TenantId == tenantId && change.Entity == entity && change.EntityId == entityId)
            .OrderByDescending(change => change.Id).Take(100)
            .Select(change => new DirectoryChangeView(change.At, change.ActorId, change.ActorName, change.Change, change.Summary))
            .ToListAsync(cancellationToken);

    /// <summary>The answer to GET .../changes of an entry (<paramref name="what"/>: "escalation policy"): a deleted
    /// entry's history stays readable; an entry that never was (<paramref name="exists"/> says whether it is now) is not found.</summary>
    public static async Task<Results<Ok<List<DirectoryChangeView>>, ProblemHttpResult>> HistoryAsync(
        RoutingDbContext db, string tenantId, string entity, string entityId, string what, Func<Task<bool>> exists, CancellationToken cancellationToken)
    {
        var changes = await ListAsync(db, tenantId, entity, entityId, cancellationToken);
        return changes.Count > 0 || await exists() ? TypedResults.Ok(changes) : Problems.NotFound(what, entityId);
    }
}
