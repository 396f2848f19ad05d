using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Api.Knowledge;
using Triage.Domain;
using Triage.Domain.Knowledge;

namespace Triage.Api.ProblemRecords;

/// <summary>Problem records (SPEC section 4): the tenant's problems, newest activity first; one with its linked cases,
/// its steps and the changes of its product area or release made shortly before its first case
/// (<see cref="ChangeCorrelation"/>); and a move through its lifecycle (<see cref="ProblemLifecycle"/>), which, when a
/// fixed problem is closed, can tell the customers of its cases (<see cref="ProblemFixAnnounced"/>, through the outbox).</summary>
public static class ProblemEndpoints
{
    public const string Path = "/problems";
    public const int MaxList = 100;
    public const int MaxNote = 2_000;
    private const int MaxCases = 500;

    public static void Map(RouteGroupBuilder triage)
    {
        triage.MapGet(Path, ListAsync).WithSummary($"The tenant's problem records, most recently changed first (at most {MaxList}); status filters by one status.");
        triage.MapGet($"{Path}/{{problemId:guid}}", GetAsync).WithSummary("A problem record with its linked cases, its steps and the changes made shortly before its first case.");
        triage.MapPost($"{Path}/{{problemId:guid}}/status", MoveAsync).WithIdempotency<TriageDbContext, RouteHandlerBuilder>()
            .WithSummary("Moves the problem on: status (open, investigating, known-error, fixed, closed), fixedIn (required for fixed), a note, and notifyCustomers (only when closing a fixed problem). Leads, managers and admins.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<ProblemLine>>, ValidationProblem>> ListAsync(
        TriageDbContext db, ITenantContext tenant, CancellationToken cancellationToken, string? status = null, int? limit = null)
    {
        var errors = new ValidationErrors();
        var wanted = status is null ? null : Statuses.Parse(status);
        if (status is not null && wanted is null)
        {
            errors.Add("status", $"one of {Statuses.Allowed}");
        }

        if (limit is < 1 or > MaxList)
        {
            errors.Add("limit", $"1 to {MaxList}");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem("The question is not valid.");
        }

        var query = db.Problems.AsNoTracking().Where(row => row.TenantId == tenant.TenantId);
        if (wanted is { } only)
        {
            query = query.Where(row => row.Status == only);
        }

        var rows = await query.OrderByDescending(row => row.UpdatedAt).Take(limit ?? MaxList)
            .Select(row => new { Row = row, Cases = db.ProblemCases.Count(linked => linked.TenantId == row.TenantId && linked.ProblemId == row.Id) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(item => ProblemLine.Of(item.Row, item.Cases)).ToList());
    }

    private static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> GetAsync(
        Guid problemId, TriageDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        await db.Problems.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == problemId, cancellationToken) is { } problem
            ? TypedResults.Ok(await ViewAsync(db, problem, cancellationToken))
            : Problems.NotFound("problem record", problemId.ToString());

    private static async Task<Results<Ok<ProblemView>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid problemId, ProblemMove move, TriageDbContext db, ITenantContext tenant, MassTransit.IPublishEndpoint publish, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var to = move.Status is null ? null : Statuses.Parse(move.Status);
        if (to is null)
        {
            errors.Add("status", $"required: one of {Statuses.Allowed}");
        }

        errors.Text("fixedIn", move.FixedIn, KnownErrors.MaxShort);
        errors.Text("note", move.Note, MaxNote);
        if (!errors.IsValid)
        {
            return errors.ToProblem("The move is not valid.");
        }

        if (await db.Problems.SingleOrDefaultAsync(row => row.TenantId == tenant.TenantId && row.Id == problemId, cancellationToken) is not { } problem)
        {
            return Problems.NotFound("problem record", problemId.ToString());
        }

        // Back to investigating, the fix did not hold: a later "fixed" names the version that has the new one.
        var fixedIn = !string.IsNullOrWhiteSpace(move.FixedIn) ? move.FixedIn.Trim() : to == ProblemStatus.Investigating ? null : problem.FixedIn;
        var notify = move.NotifyCustomers ?? false;
        if (ProblemLifecycle.Refusal(problem.Status, to!.Value, fixedIn, notify) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The problem cannot make this move.", detail: refusal);
        }

        var now = clock.GetUtcNow();
        problem.Status = to.Value;
        problem.FixedIn = fixedIn;
        problem.UpdatedAt = now.UtcDateTime;
        problem.Version++;
        problem.History.Add(new ProblemStepRow { At = now.UtcDateTime, Status = to.Value, By = tenant.Actor.Name, Note = move.Note?.Trim(), CustomersTold = notify });
        if (notify)
        {
            var cases = await db.ProblemCases.AsNoTracking().Where(row => row.TenantId == tenant.TenantId && row.ProblemId == problemId)
                .OrderBy(row => row.SubmittedAt).Take(MaxCases).ToListAsync(cancellationToken);
            await publish.Publish(new ProblemFixAnnounced
            {
                ProblemId = problem.Id,
                TenantId = problem.TenantId,
                Title = problem.Title,
                FixedIn = fixedIn!,
                Note = move.Note?.Trim(),
                Cases = [.. cases.Select(row => new ProblemCase(row.EscalationId, row.Key, row.Title))],
                At = now,
            }, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The problem changed meanwhile.",
                detail: "Someone moved this problem at the same moment: read it again and decide.");
        }

        return TypedResults.Ok(await ViewAsync(db, problem, cancellationToken));
    }

    private static async Task<ProblemView> ViewAsync(TriageDbContext db, ProblemRow problem, CancellationToken cancellationToken)
    {
        var cases = await db.ProblemCases.AsNoTracking().Where(row => row.TenantId == problem.TenantId && row.ProblemId == problem.Id)
            .OrderBy(row => row.SubmittedAt).Take(MaxCases).ToListAsync(cancellationToken);
        var firstSeen = new DateTimeOffset(problem.FirstSeenAt, TimeSpan.Zero);
        var (from, to) = ((firstSeen - ChangeCorrelation.Window).UtcDateTime, problem.FirstSeenAt);
        var near = await db.Changes.AsNoTracking().Where(row => row.TenantId == problem.TenantId && row.At >= from && row.At <= to)
            .OrderByDescending(row => row.At).Take(10 * ChangeEndpoints.MaxList).ToListAsync(cancellationToken);
        var changes = ChangeCorrelation.Before(near, row => row.Change(), problem.ProductArea, problem.Release, firstSeen).Take(ChangeEndpoints.MaxList);
        return new ProblemView(
            problem.Id, problem.Title, problem.Shared, Wire.Name(problem.Kind), Wire.Name(problem.Status), problem.FixedIn, problem.ProductArea, problem.Release,
            firstSeen, new DateTimeOffset(problem.RaisedAt, TimeSpan.Zero), new DateTimeOffset(problem.UpdatedAt, TimeSpan.Zero),
            [.. ProblemLifecycle.From(problem.Status).Select(Wire.Name)],
            [.. cases.Select(row => new ProblemCaseView(row.EscalationId, row.Key, row.Title, new DateTimeOffset(row.SubmittedAt, TimeSpan.Zero)))],
            [.. changes.Select(row => row.View())],
            [.. problem.History.Select(step => new ProblemStepView(new DateTimeOffset(step.At, TimeSpan.Zero), Wire.Name(step.Status), step.By, step.Note, step.CustomersTold))]);
    }

    private static class Statuses
    {
        public static string Allowed { get; } = string.Join(", ", Enum.GetValues<ProblemStatus>().Select(Wire.Name));

        public static ProblemStatus? Parse(string value) =>
            Enum.GetValues<ProblemStatus>().Cast<ProblemStatus?>().FirstOrDefault(status => Wire.Name(status!.Value) == value.Trim().ToLowerInvariant());
    }
}

/// <summary>A move of a problem through its lifecycle, as the API takes it.</summary>
public sealed record ProblemMove(string? Status, string? FixedIn = null, string? Note = null, bool? NotifyCustomers = null);

public sealed record ProblemLine(Guid Id, string Title, string Shared, string Status, int Cases, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt)
{
    public static ProblemLine Of(ProblemRow row, int cases) =>
        new(row.Id, row.Title, row.Shared, Wire.Name(row.Status), cases, new DateTimeOffset(row.FirstSeenAt, TimeSpan.Zero), new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero));
}

public sealed record ProblemCaseView(Guid EscalationId, string Key, string Title, DateTimeOffset SubmittedAt);

public sealed record ProblemStepView(DateTimeOffset At, string Status, string By, string? Note, bool CustomersTold);

public sealed record ProblemView(
    Guid Id, string Title, string Shared, string Kind, string Status, string? FixedIn, string? ProductArea, string? Release, DateTimeOffset FirstSeenAt,
    DateTimeOffset RaisedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> Next, IReadOnlyList<ProblemCaseView> Cases, IReadOnlyList<ChangeView> Changes,
    IReadOnlyList<ProblemStepView> History);
