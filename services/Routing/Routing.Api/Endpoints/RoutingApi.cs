using EscalationPlatform.Hosting;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Offers;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Endpoints;

public sealed record MemberView(string Id, string Name, string Email, string TimeZone, int Capacity, bool Available, bool Lead);

public sealed record TeamView(string Id, string Name, string TimeZone, IReadOnlyList<string> DefaultFor, IReadOnlyList<MemberView> Members, string Strategy);

public sealed record EscalationPolicyView(IReadOnlyDictionary<Severity, TimeSpan> AcknowledgementWindows);

public static class RoutingApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/routing";

    private const int MaxTeams = 1_000;

    public static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<RoutingDbContext>(Prefix, "routing");

        var routing = endpoints.MapGroup(Prefix).WithTags("Routing");
        routing.MapGet("/teams", TeamsAsync)
            .WithSummary("The tenant's teams with their members and leads, by id: at most limit (1-1000, default 1000) after the id given as after; a Link header (rel=next) names the next page.");
        TeamEndpoints.Map(routing);
        Rules.RuleEndpoints.Map(routing);
        Handoffs.HandoffEndpoints.Map(routing);
        Schedules.ScheduleEndpoints.Map(routing);
        Policies.PolicyEndpoints.Map(routing);
        routing.MapGet("/escalations/{id:guid}/ownership", OwnershipAsync).WithSummary("Who owns the escalation now (the REST twin of gRPC WhoOwns).");
        routing.MapGet("/escalation-policy", GetPolicyAsync).WithSummary("How long an offer waits for an acknowledgement, per severity.");
        routing.MapPut("/escalation-policy", PutPolicyAsync).WithIdempotency<RoutingDbContext, RouteHandlerBuilder>().WithSummary("Sets the acknowledgement windows (the severities given; the others keep theirs).");
        return endpoints;
    }

    private static async Task<Results<Ok<List<TeamView>>, ValidationProblem>> TeamsAsync(
        RoutingDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken, int limit = MaxTeams, string? after = null)
    {
        var errors = new ValidationErrors();
        errors.Range("limit", limit, 1, MaxTeams);
        if (after is not null && !TeamDirectory.IsTeamId(after))
        {
            errors.Add("after", "a team id (lowercase letters, digits and dashes), as the previous page's Link names it");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var teams = await db.Teams.AsNoTracking()
            .Where(team => team.TenantId == tenant.TenantId && (after == null || string.Compare(team.Id, after) > 0))
            .OrderBy(team => team.Id).Take(limit + 1).ToListAsync(cancellationToken);
        if (teams.Count > limit)
        {
            teams.RemoveAt(limit);
            http.Response.Headers.Link = $"<{Prefix}/teams?limit={limit}&after={teams[^1].Id}>; rel=\"next\"";
        }

        var ids = teams.Select(team => team.Id).ToList();
        var members = await db.Members.AsNoTracking().Where(member => member.TenantId == tenant.TenantId && ids.Contains(member.TeamId))
            .OrderBy(member => member.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(teams.Select(team => new TeamView(
            team.Id, team.Name, team.TimeZone, team.DefaultFor,
            [.. members.Where(member => member.TeamId == team.Id).Select(member =>
                new MemberView(member.Id, member.Name, member.Email, member.TimeZone, member.Capacity, member.Available, member.Id == team.LeadMemberId))],
            team.Strategy))
            .ToList());
    }

    private static async Task<Results<Ok<OwnershipView>, ProblemHttpResult>> OwnershipAsync(
        Guid id, Ownerships ownerships, ITenantContext tenant, CancellationToken cancellationToken) =>
        await ownerships.FindAsync(tenant.TenantId, id, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound("routed escalation", id.ToString());

    private static async Task<Ok<EscalationPolicyView>> GetPolicyAsync(IRoutingStore store, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(new EscalationPolicyView((await store.WindowsAsync(tenant.TenantId, cancellationToken)).Windows));

    private static async Task<Results<Ok<EscalationPolicyView>, ValidationProblem>> PutPolicyAsync(
        EscalationPolicyView request, RoutingDbContext db, IRoutingStore store, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        foreach (var (severity, window) in request.AcknowledgementWindows)
        {
            if (window < ShortestWindow || window > LongestWindow)
            {
                errors.Add($"acknowledgementWindows.{severity}", $"between {ShortestWindow} and {LongestWindow}");
            }
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var current = await store.WindowsAsync(tenant.TenantId, cancellationToken);
        var merged = new AcknowledgementWindows(Enum.GetValues<Severity>().ToDictionary(
            severity => severity,
            severity => request.AcknowledgementWindows.TryGetValue(severity, out var window) ? window : current.For(severity)));
        var row = await db.Policies.SingleOrDefaultAsync(policy => policy.TenantId == tenant.TenantId, cancellationToken);
        if (row is null)
        {
            db.Policies.Add(new RoutingPolicyRow { TenantId = tenant.TenantId, AcknowledgementWindows = WindowsBySeverity.From(merged) });
        }
        else
        {
            row.AcknowledgementWindows = WindowsBySeverity.From(merged);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new EscalationPolicyView(merged.Windows));
    }
}
