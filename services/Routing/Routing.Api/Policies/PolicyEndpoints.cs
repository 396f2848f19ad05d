using EscalationPlatform.Contracts;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Policies;

public sealed record PolicyListItem(string Id, string Name, int Levels, int Repeats, string? ContinueWith);

/// <summary>Escalation policies (SPEC section 5, <see cref="EscalationPolicy"/>): a document per policy, read with its
/// ETag and replaced whole with If-Match, checked against the tenant's members, schedules, teams and other policies
/// (a chain of policies that comes back to itself is refused). A team follows the policy it names, or the one with the
/// id "default".</summary>
public static class PolicyEndpoints
{
    private const string PolicyPath = "/escalation-policies/{policyId:regex(^[a-z0-9][a-z0-9-]{{0,62}}$)}";
    private const int MaxPolicies = 500;

    public static void Map(RouteGroupBuilder routing)
    {
        routing.MapGet("/escalation-policies", ListAsync).WithSummary("The tenant's escalation policies (a team without one follows the policy with the id \"default\", or owner, backup, team lead).");
        routing.MapGet(PolicyPath, GetAsync).WithSummary("An escalation policy, with its ETag.");
        routing.MapPut(PolicyPath, PutAsync)
            .WithSummary("Creates the policy, or replaces it (If-Match with the ETag read is required to replace); managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapDelete(PolicyPath, DeleteAsync)
            .WithSummary("Removes a policy no team follows and no policy continues with (If-Match required); managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapGet($"{PolicyPath}/changes", ChangesAsync).WithSummary("Who changed the policy, when and how, newest first (at most 100).");
    }

    private static async Task<Ok<List<PolicyListItem>>> ListAsync(RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.EscalationPolicies.AsNoTracking().Where(row => row.TenantId == tenant.TenantId).OrderBy(row => row.Id).Take(MaxPolicies)
            .ToListAsync(cancellationToken))
            .Select(row =>
            {
                var draft = row.Draft();
                return new PolicyListItem(row.Id, row.Name, draft.Levels?.Count ?? 0, draft.Repeats ?? 0, row.ContinueWith);
            })
            .ToList());

    private static async Task<Results<Ok<PolicyDraft>, ProblemHttpResult>> GetAsync(
        string policyId, RoutingDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, tenant, policyId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("escalation policy", policyId);
        }

        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Ok(row.Draft() with { Id = row.Id });
    }

    private static async Task<Results<Ok<PolicyDraft>, Created<PolicyDraft>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string policyId, PolicyDraft draft, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.EscalationPolicies.SingleOrDefaultAsync(existing => existing.TenantId == tenant.TenantId && existing.Id == policyId, cancellationToken);
        if (row is null && await db.EscalationPolicies.CountAsync(existing => existing.TenantId == tenant.TenantId, cancellationToken) >= MaxPolicies)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "Too many escalation policies.", $"A tenant keeps at most {MaxPolicies} escalation policies: remove one first.", "policyId");
        }

        var (policy, problems) = EscalationPolicies.Check(policyId, draft, await ReferencesAsync(db, tenant, policyId, cancellationToken));
        if (policy is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The escalation policy is not valid.");
        }

        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), row is null ? null : ETag(row), "escalation policy") is { } refused)
        {
            return refused;
        }

        var created = row is null;
        if (row is null)
        {
            row = new PolicyRow { TenantId = tenant.TenantId, Id = policyId, Name = policy.Name, Definition = "" };
            db.EscalationPolicies.Add(row);
        }

        (row.Name, row.ContinueWith, row.Definition) = (policy.Name, policy.ContinueWith, PolicyRow.Serialize(draft));
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "escalation-policy", policyId, created ? "created" : "replaced", Summary(policy)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null);
        }

        http.Response.Headers.ETag = ETag(row);
        var saved = row.Draft() with { Id = policyId };
        return created ? TypedResults.Created($"{Endpoints.RoutingApi.Prefix}/escalation-policies/{policyId}", saved) : TypedResults.Ok(saved);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string policyId, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.EscalationPolicies.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == policyId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("escalation policy", policyId);
        }

        if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row), "escalation policy") is { } refused)
        {
            return refused;
        }

        if (await db.Teams.AsNoTracking().FirstOrDefaultAsync(team => team.TenantId == tenant.TenantId && team.EscalationPolicyId == policyId, cancellationToken) is { } team)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "A team follows this policy.", $"{team.Name} follows this escalation policy: change the team first.", "policyId");
        }

        if (await db.EscalationPolicies.AsNoTracking().FirstOrDefaultAsync(other => other.TenantId == tenant.TenantId && other.ContinueWith == policyId, cancellationToken) is { } before)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "A policy continues with this one.", $"{before.Name} continues with this escalation policy: change it first.", "policyId");
        }

        db.EscalationPolicies.Remove(row);
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "escalation-policy", policyId, "deleted", row.Name));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<List<DirectoryChangeView>>, ProblemHttpResult>> ChangesAsync(
        string policyId, RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        DirectoryChangeView.HistoryAsync(db, tenant.TenantId, "escalation-policy", policyId, "escalation policy",
            async () => await FindAsync(db, tenant, policyId, cancellationToken) is not null, cancellationToken);

    /// <summary>"Owner (severity window) > Backup (10 minutes, S1 S2) > ..., 1 repeat, then leadership".</summary>
    private static string Summary(EscalationPolicy policy) =>
        $"{policy.Name}: {string.Join(" > ", policy.Levels.Select(level => WireNames<OfferLevel>.Name(level.Target) + (level.TargetId is { } id ? $" {id}" : "")
            + $" ({(level.Delay is { } delay ? OfferLadder.Describe(delay) : "severity window")})"))}, {policy.Repeats} repeats"
        + (policy.ContinueWith is { } next ? $", then {next}" : "");

    private static async Task<PolicyReferences> ReferencesAsync(RoutingDbContext db, ITenantContext tenant, string policyId, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(member => member.TenantId == tenant.TenantId).Select(member => member.Id).ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().Where(schedule => schedule.TenantId == tenant.TenantId).Select(schedule => schedule.Id).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(team => team.TenantId == tenant.TenantId).Select(team => team.Id).ToListAsync(cancellationToken);
        var policies = await db.EscalationPolicies.AsNoTracking().Where(policy => policy.TenantId == tenant.TenantId && policy.Id != policyId)
            .Select(policy => new { policy.Id, policy.ContinueWith }).ToListAsync(cancellationToken);
        return new(members.ToHashSet(), schedules.ToHashSet(), teams.ToHashSet(), policies.ToDictionary(policy => policy.Id, policy => policy.ContinueWith));
    }

    private static Task<PolicyRow?> FindAsync(RoutingDbContext db, ITenantContext tenant, string policyId, CancellationToken cancellationToken) =>
        db.EscalationPolicies.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == policyId, cancellationToken);

    private static string ETag(PolicyRow row) => $"\"{row.RowVersion}\"";
}
