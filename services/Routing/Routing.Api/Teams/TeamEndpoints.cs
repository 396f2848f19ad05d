using EscalationPlatform.Contracts;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Domain;

namespace Routing.Api.Teams;

public sealed record WorkingHoursDocument(string Day, string Opens, string Closes);

/// <summary>A member as the directory shows it; <see cref="Capacity"/> null means no limit.</summary>
public sealed record MemberDocument(
    string Id, string Name, string Email, string TimeZone, int? Capacity, bool Available, IReadOnlyList<string> Skills,
    IReadOnlyList<WorkingHoursDocument> WorkingHours);

/// <summary>A team with its members, as GET answers it and PUT takes it (the id is the path's).</summary>
public sealed record TeamDocument(
    string Id, string Name, string TimeZone, string LeadMemberId, IReadOnlyList<string> DefaultFor, IReadOnlyList<MemberDocument> Members, string Strategy,
    string? OnCallScheduleId, string? EscalationPolicyId);

/// <summary>The tenant's teams as a directory managers keep (SPEC section 5): a team and its members are one document,
/// read with its ETag and replaced whole with If-Match, so a change is checked as a whole (<see cref="TeamDirectory"/>)
/// and saved whole or not at all; every change is kept in the directory's audit with who made it.</summary>
public static class TeamEndpoints
{
    /// <summary>A team's id in a path: what <see cref="TeamDirectory"/> allows, so any other text is not found.</summary>
    private const string TeamPath = "/teams/{teamId:regex(^[a-z0-9][a-z0-9-]{{0,62}}$)}";

    public static void Map(RouteGroupBuilder routing)
    {
        routing.MapGet(TeamPath, GetAsync).WithSummary("A team with its members, and its ETag.");
        routing.MapPut(TeamPath, PutAsync)
            .WithSummary("Creates the team, or replaces it and its members (If-Match with the ETag read is required to replace); managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapDelete(TeamPath, DeleteAsync)
            .WithSummary("Removes a team no routing rule names, with its members (If-Match required); managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapGet($"{TeamPath}/changes", ChangesAsync).WithSummary("Who changed the team, when and how, newest first (at most 100).");
    }

    private static async Task<Results<Ok<TeamDocument>, ProblemHttpResult>> GetAsync(
        string teamId, RoutingDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await db.Teams.AsNoTracking().SingleOrDefaultAsync(team => team.TenantId == tenant.TenantId && team.Id == teamId, cancellationToken) is not { } team)
        {
            return Problems.NotFound("team", teamId);
        }

        var members = await db.Members.AsNoTracking().Where(member => member.TenantId == tenant.TenantId && member.TeamId == teamId)
            .OrderBy(member => member.Id).ToListAsync(cancellationToken);
        http.Response.Headers.ETag = ETag(team);
        return TypedResults.Ok(Document(team, members));
    }

    private static async Task<Results<Ok<TeamDocument>, Created<TeamDocument>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string teamId, TeamDraft draft, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (spec, problems) = TeamDirectory.Check(teamId, draft);
        if (spec is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The team is not valid.");
        }

        var team = await db.Teams.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == teamId, cancellationToken);
        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), team is null ? null : ETag(team), "team") is { } refused)
        {
            return refused;
        }

        if (spec.OnCallScheduleId is { } scheduleId && !await db.Schedules.AnyAsync(schedule => schedule.TenantId == tenant.TenantId && schedule.Id == scheduleId, cancellationToken))
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "The team is not valid.", $"{scheduleId} is not one of the tenant's on-call schedules", "onCallScheduleId");
        }

        if (spec.EscalationPolicyId is { } policyId && !await db.EscalationPolicies.AnyAsync(policy => policy.TenantId == tenant.TenantId && policy.Id == policyId, cancellationToken))
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "The team is not valid.", $"{policyId} is not one of the tenant's escalation policies", "escalationPolicyId");
        }

        var ids = spec.Members.Select(member => member.Id).ToList();
        var elsewhere = await db.Members.AsNoTracking()
            .Where(member => member.TenantId == tenant.TenantId && ids.Contains(member.Id) && member.TeamId != teamId)
            .ToListAsync(cancellationToken);
        if (elsewhere.FirstOrDefault() is { } taken)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "A member belongs to another team.",
                $"{taken.Id} is a member of team {taken.TeamId}: a person belongs to one team; remove them there first.",
                $"members[{ids.IndexOf(taken.Id)}].id");
        }

        var created = team is null;
        if (team is null)
        {
            team = new TeamRow { TenantId = tenant.TenantId, Id = teamId, Name = spec.Name, TimeZone = spec.TimeZone, LeadMemberId = spec.LeadMemberId, DefaultFor = [] };
            db.Teams.Add(team);
        }

        Apply(team, spec);
        var current = await db.Members.Where(member => member.TenantId == tenant.TenantId && member.TeamId == teamId).ToListAsync(cancellationToken);
        db.Members.RemoveRange(current.Where(member => !ids.Contains(member.Id)));
        foreach (var member in spec.Members)
        {
            var row = current.FirstOrDefault(existing => existing.Id == member.Id);
            if (row is null)
            {
                row = new MemberRow { TenantId = tenant.TenantId, Id = member.Id, TeamId = teamId, Name = "", Email = "", TimeZone = "" };
                db.Members.Add(row);
            }

            Apply(row, member);
        }

        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "team", teamId, created ? "created" : "replaced",
            $"{spec.Name}: {spec.Members.Count} members, lead {spec.LeadMemberId}, {WireNames<AssignmentStrategy>.Name(spec.Strategy)}, default for {(spec.DefaultFor.Count == 0 ? "nothing" : string.Join(", ", spec.DefaultFor.Select(KebabEnum<IssueType>.Name)))}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null); // changed between the read and the save
        }

        http.Response.Headers.ETag = ETag(team);
        var saved = await db.Members.AsNoTracking().Where(member => member.TenantId == tenant.TenantId && member.TeamId == teamId)
            .OrderBy(member => member.Id).ToListAsync(cancellationToken);
        var document = Document(team, saved);
        return created ? TypedResults.Created($"{Endpoints.RoutingApi.Prefix}/teams/{teamId}", document) : TypedResults.Ok(document);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string teamId, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Teams.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == teamId, cancellationToken) is not { } team)
        {
            return Problems.NotFound("team", teamId);
        }

        if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(team), "team") is { } refused)
        {
            return refused;
        }

        if (await db.Rules.AsNoTracking().FirstOrDefaultAsync(rule => rule.TenantId == tenant.TenantId && rule.TeamId == teamId, cancellationToken) is { } rule)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "A routing rule sends cases to this team.",
                $"The routing rule '{rule.Name}' sends cases to {team.Name}: change the rule first.", "teamId");
        }

        db.Members.RemoveRange(await db.Members.Where(member => member.TenantId == tenant.TenantId && member.TeamId == teamId).ToListAsync(cancellationToken));
        db.Teams.Remove(team);
        db.Rotations.RemoveRange(await db.Rotations.Where(rotation => rotation.TenantId == tenant.TenantId && rotation.TeamId == teamId).ToListAsync(cancellationToken));
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "team", teamId, "deleted", team.Name));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null); // changed between the read and the save
        }

        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<List<DirectoryChangeView>>, ProblemHttpResult>> ChangesAsync(
        string teamId, RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        DirectoryChangeView.HistoryAsync(db, tenant.TenantId, "team", teamId, "team",
            () => db.Teams.AnyAsync(team => team.TenantId == tenant.TenantId && team.Id == teamId, cancellationToken), cancellationToken);

    private static string ETag(TeamRow team) => $"\"{team.RowVersion}\"";

    private static void Apply(TeamRow team, TeamSpec spec)
    {
        team.Name = spec.Name;
        team.TimeZone = spec.TimeZone;
        team.LeadMemberId = spec.LeadMemberId;
        team.DefaultFor = [.. spec.DefaultFor.Select(KebabEnum<IssueType>.Name)];
        team.Strategy = WireNames<AssignmentStrategy>.Name(spec.Strategy);
        team.OnCallScheduleId = spec.OnCallScheduleId;
        team.EscalationPolicyId = spec.EscalationPolicyId;
    }

    private static void Apply(MemberRow row, MemberSpec member)
    {
        row.Name = member.Name;
        row.Email = member.Email;
        row.TimeZone = member.TimeZone;
        row.Capacity = member.Capacity ?? 0; // stored 0: no limit
        row.Available = member.Available;
        row.Skills = [.. member.Skills];
        row.WorkingHours = [.. member.WorkingHours.Select(day => new WorkingDay(day.Day, day.Opens, day.Closes))];
    }

    private static TeamDocument Document(TeamRow team, IReadOnlyList<MemberRow> members) => new(
        team.Id, team.Name, team.TimeZone, team.LeadMemberId, team.DefaultFor,
        [.. members.Select(member => new MemberDocument(member.Id, member.Name, member.Email, member.TimeZone, member.Capacity == 0 ? null : member.Capacity,
            member.Available, member.Skills,
            [.. member.WorkingHours.Select(day => new WorkingHoursDocument(
                WireNames<DayOfWeek>.Name(day.Day), day.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                day.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))]))],
        team.Strategy, team.OnCallScheduleId, team.EscalationPolicyId);
}
