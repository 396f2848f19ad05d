using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Endpoints;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Schedules;

public sealed record ScheduleListItem(string Id, string Name);

public sealed record OnCallView(DateTimeOffset At, PersonView? Member, string? Source);

public sealed record ShiftView(PersonView Member, DateTimeOffset From, DateTimeOffset To, string Source);

/// <summary>On-call schedules (SPEC section 5, <see cref="OnCallSchedule"/>): a document per schedule, read with its
/// ETag and replaced whole with If-Match, checked against the tenant's members; who is on call at a moment, and the
/// shifts of a window as a timeline.</summary>
public static class ScheduleEndpoints
{
    private const string SchedulePath = "/schedules/{scheduleId:regex(^[a-z0-9][a-z0-9-]{{0,62}}$)}";

    public static void Map(RouteGroupBuilder routing)
    {
        routing.MapGet("/schedules", ListAsync).WithSummary("The tenant's on-call schedules.");
        routing.MapGet(SchedulePath, GetAsync).WithSummary("An on-call schedule, with its ETag.");
        routing.MapPut(SchedulePath, PutAsync)
            .WithSummary("Creates the schedule, or replaces it (If-Match with the ETag read is required to replace); managers and admins.")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapDelete(SchedulePath, DeleteAsync)
            .WithSummary("Removes a schedule no team uses (If-Match required); managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        routing.MapGet($"{SchedulePath}/changes", ChangesAsync).WithSummary("Who changed the schedule, when and how, newest first (at most 100).");
        routing.MapGet($"{SchedulePath}/on-call", OnCallAsync).WithSummary("Who is on call at a moment (at, ISO 8601; now when left out).");
        routing.MapGet($"{SchedulePath}/timeline", TimelineAsync)
            .WithSummary("Who is on call from when to when between from and to (ISO 8601; now and 7 days on when left out; at most 31 days).");
    }

    private static async Task<Ok<List<ScheduleListItem>>> ListAsync(RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Schedules.AsNoTracking().Where(row => row.TenantId == tenant.TenantId).OrderBy(row => row.Id).Take(1_000)
            .Select(row => new ScheduleListItem(row.Id, row.Name)).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<ScheduleDraft>, ProblemHttpResult>> GetAsync(
        string scheduleId, RoutingDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, tenant, scheduleId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("schedule", scheduleId);
        }

        http.Response.Headers.ETag = ETag(row);
        return TypedResults.Ok(row.Draft());
    }

    private static async Task<Results<Ok<ScheduleDraft>, Created<ScheduleDraft>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string scheduleId, ScheduleDraft draft, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (schedule, problems) = OnCallSchedules.Check(scheduleId, draft, await MembersAsync(db, tenant, cancellationToken));
        if (schedule is null)
        {
            return ValidationErrors.Of(problems).ToProblem("The schedule is not valid.");
        }

        var row = await db.Schedules.SingleOrDefaultAsync(existing => existing.TenantId == tenant.TenantId && existing.Id == scheduleId, cancellationToken);
        if (Problems.UnlessCurrentOrNew(http.Request.Headers.IfMatch.ToString(), row is null ? null : ETag(row), "schedule") is { } refused)
        {
            return refused;
        }

        var created = row is null;
        if (row is null)
        {
            row = new ScheduleRow { TenantId = tenant.TenantId, Id = scheduleId, Name = schedule.Name, Definition = "" };
            db.Schedules.Add(row);
        }

        (row.Name, row.Definition) = (schedule.Name, ScheduleRow.Serialize(draft));
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "schedule", scheduleId, created ? "created" : "replaced",
            $"{schedule.Name}: {schedule.Layers.Count} layers ({string.Join(", ", schedule.Layers.Select(layer => $"{layer.Name}: {string.Join(" > ", layer.Participants)}"))}), {schedule.Overrides.Count} overrides, {schedule.TimeZone}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null);
        }

        http.Response.Headers.ETag = ETag(row);
        return created ? TypedResults.Created($"{Endpoints.RoutingApi.Prefix}/schedules/{scheduleId}", row.Draft()) : TypedResults.Ok(row.Draft());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string scheduleId, RoutingDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Schedules.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == scheduleId, cancellationToken) is not { } row)
        {
            return Problems.NotFound("schedule", scheduleId);
        }

        if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row), "schedule") is { } refused)
        {
            return refused;
        }

        if (await db.Teams.AsNoTracking().FirstOrDefaultAsync(team => team.TenantId == tenant.TenantId && team.OnCallScheduleId == scheduleId, cancellationToken) is { } team)
        {
            return FieldProblems.Result(StatusCodes.Status409Conflict, "A team pages this schedule.", $"{team.Name} pages its on-call responder from this schedule: change the team first.", "scheduleId");
        }

        db.Schedules.Remove(row);
        db.DirectoryChanges.Add(DirectoryChangeRow.Of(tenant, clock, "schedule", scheduleId, "deleted", row.Name));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<List<DirectoryChangeView>>, ProblemHttpResult>> ChangesAsync(
        string scheduleId, RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        DirectoryChangeView.HistoryAsync(db, tenant.TenantId, "schedule", scheduleId, "schedule",
            async () => await FindAsync(db, tenant, scheduleId, cancellationToken) is not null, cancellationToken);

    private static async Task<Results<Ok<OnCallView>, ProblemHttpResult>> OnCallAsync(
        string scheduleId, OnCallLookup schedules, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        if (await schedules.FindAsync(tenant.TenantId, scheduleId, cancellationToken) is not { } resolved)
        {
            return Problems.NotFound("schedule", scheduleId);
        }

        if (resolved.Schedule is null)
        {
            return Outdated();
        }

        var moment = at ?? clock.GetUtcNow();
        return TypedResults.Ok(resolved.At(moment) is { } onCall
            ? new OnCallView(moment, new PersonView(onCall.Member.Id, onCall.Member.Name), onCall.Source)
            : new OnCallView(moment, null, null));
    }

    private static async Task<Results<Ok<List<ShiftView>>, ValidationProblem, ProblemHttpResult>> TimelineAsync(
        string scheduleId, OnCallLookup schedules, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var start = from ?? clock.GetUtcNow();
        var end = to ?? start.AddDays(7);
        if (end <= start || end - start > OnCallSchedule.LongestTimeline)
        {
            return new ValidationErrors().Add("to", "after from, and at most 31 days after it").ToProblem();
        }

        if (await schedules.FindAsync(tenant.TenantId, scheduleId, cancellationToken) is not { } resolved)
        {
            return Problems.NotFound("schedule", scheduleId);
        }

        if (resolved.Schedule is not { } schedule)
        {
            return Outdated();
        }

        return TypedResults.Ok(schedule.Between(start, end)
            .Select(shift => new ShiftView(new PersonView(shift.MemberId, resolved.Members[shift.MemberId].Name), shift.From, shift.To, shift.Source))
            .ToList());
    }

    private static ProblemHttpResult Outdated() =>
        Problems.Conflict("The schedule names someone who is no longer in any team: edit the schedule.", "outdated");

    private static async Task<HashSet<string>> MembersAsync(RoutingDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        [.. await db.Members.AsNoTracking().Where(member => member.TenantId == tenant.TenantId).Select(member => member.Id).ToListAsync(cancellationToken)];

    private static Task<ScheduleRow?> FindAsync(RoutingDbContext db, ITenantContext tenant, string scheduleId, CancellationToken cancellationToken) =>
        db.Schedules.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == scheduleId, cancellationToken);

    private static string ETag(ScheduleRow row) => $"\"{row.RowVersion}\"";
}
