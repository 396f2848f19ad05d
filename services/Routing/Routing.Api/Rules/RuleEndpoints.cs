using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Routing.Api.Data;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Rules;

public sealed record RoutingRuleDocument(string Name, string TeamId, string? IssueType, string? Severity, string? ProductArea, string? Tier, string? Tag);

/// <summary>The rules in force and their version (0: never changed through the API).</summary>
public sealed record RoutingRulesDocument(int Version, IReadOnlyList<RoutingRuleDocument> Rules);

public sealed record RoutingRulesRequest(IReadOnlyList<RoutingRuleDraft?>? Rules = null);

public sealed record RoutingRulesVersionView(int Version, DateTime SavedAt, string SavedBy, IReadOnlyList<RoutingRuleDocument> Rules);

/// <summary>The tenant's routing rules (first match wins) as one versioned document: read with its version as ETag,
/// replaced whole with If-Match after <see cref="RoutingRuleSet"/> checked it against the tenant's teams; every
/// version is kept with who saved it.</summary>
public static class RuleEndpoints
{
    public static void Map(RouteGroupBuilder routing)
    {
        routing.MapGet("/rules", GetAsync).WithSummary("The routing rules in order (first match wins) and their version, as ETag too.");
        routing.MapPut("/rules", PutAsync)
            .WithSummary("Replaces the routing rules as a new version (If-Match with the version read is required); managers and admins.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapGet("/rules/versions", VersionsAsync).WithSummary("The saved versions of the routing rules, newest first (at most 50), with who saved each.");
    }

    private static async Task<Ok<RoutingRulesDocument>> GetAsync(RoutingDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        var document = await CurrentAsync(db, tenant.TenantId, cancellationToken);
        http.Response.Headers.ETag = ETag(document.Version);
        return TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<RoutingRulesDocument>, ValidationProblem, ProblemHttpResult>> PutAsync(
        RoutingRulesRequest request, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var teams = (await db.Teams.AsNoTracking().Where(team => team.TenantId == tenant.TenantId).Select(team => team.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var (rules, problems) = RoutingRuleSet.Check(request.Rules, teams);
        if (rules is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The routing rules are not valid.");
        }

        var version = await db.RuleVersions.Where(row => row.TenantId == tenant.TenantId).MaxAsync(row => (int?)row.Version, cancellationToken) ?? 0;
        if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(version), "routing rules") is { } refused)
        {
            return refused;
        }

        var documents = rules.Select(Document).ToList();
        db.Rules.RemoveRange(await db.Rules.Where(rule => rule.TenantId == tenant.TenantId).ToListAsync(cancellationToken));
        db.Rules.AddRange(rules.Select((rule, index) => new RoutingRuleRow
        {
            TenantId = tenant.TenantId, Order = index + 1, Name = rule.Name, TeamId = rule.TeamId, IssueType = rule.IssueType, Severity = rule.Severity,
            ProductArea = rule.ProductArea, Tier = rule.Tier, Tag = rule.Tag,
        }));
        db.RuleVersions.Add(new RoutingRulesVersionRow
        {
            TenantId = tenant.TenantId, Version = version + 1, Rules = JsonSerializer.Serialize(documents), SavedAt = clock.GetUtcNow().UtcDateTime,
            SavedBy = tenant.Actor.Name,
        });
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "rules", "routing", "replaced", $"version {version + 1}: {rules.Count} rules"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.PreconditionFailed(null); // another save took this version meanwhile
        }

        http.Response.Headers.ETag = ETag(version + 1);
        return TypedResults.Ok(new RoutingRulesDocument(version + 1, documents));
    }

    private static async Task<Ok<List<RoutingRulesVersionView>>> VersionsAsync(RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.RuleVersions.AsNoTracking().Where(row => row.TenantId == tenant.TenantId)
                .OrderByDescending(row => row.Version).Take(50).ToListAsync(cancellationToken))
            .Select(row => new RoutingRulesVersionView(row.Version, row.SavedAt, row.SavedBy, JsonSerializer.Deserialize<List<RoutingRuleDocument>>(row.Rules)!))
            .ToList());

    private static async Task<RoutingRulesDocument> CurrentAsync(RoutingDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        var version = await db.RuleVersions.Where(row => row.TenantId == tenantId).MaxAsync(row => (int?)row.Version, cancellationToken) ?? 0;
        var rules = await db.Rules.AsNoTracking().Where(rule => rule.TenantId == tenantId).OrderBy(rule => rule.Order).ToListAsync(cancellationToken);
        return new(version, [.. rules.Select(row => Document(row.ToRule()))]);
    }

    private static string ETag(int version) => $"\"{version}\"";

    private static RoutingRuleDocument Document(RoutingRule rule) => new(
        rule.Name, rule.TeamId, rule.IssueType is { } type ? KebabEnum<IssueType>.Name(type) : null, rule.Severity?.ToString(), rule.ProductArea,
        rule.Tier is { } tier ? KebabEnum<CustomerTier>.Name(tier) : null, rule.Tag);
}

/// <summary>A saved version of a tenant's routing rules (a JSON column), with who saved it.</summary>
public sealed class RoutingRulesVersionRow
{
    public required string TenantId { get; init; }

    public required int Version { get; init; }

    public required string Rules { get; init; }

    public required DateTime SavedAt { get; init; }

    public required string SavedBy { get; init; }
}
