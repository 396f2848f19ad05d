using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Web.Configuration;

public sealed record VersionView(int Version, DateTimeOffset PublishedAt, string PublishedBy, string? Reason, int? RestoredFrom);

public sealed record DraftView(
    Guid Id, int BaseVersion, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string UpdatedBy, int? PublishedAs, JsonObject? Document);

public sealed record DiffView(string From, string To, IReadOnlyList<DocumentChange> Changes);

/// <summary>A draft: the document it holds; left out when a draft is started, the version in force is copied.</summary>
public sealed record DraftRequest(JsonElement? Document = null);

/// <summary>Why a draft is published or a version restored: kept with the version it makes.</summary>
public sealed record PublishRequest(string? Reason = null);

/// <summary>The API of a versioned configuration document (SPEC section 9: ETag and If-Match on every update,
/// Idempotency-Key on every publish), under a path such as /api/v1/triage/matrix:
/// <list type="bullet">
/// <item>GET the version in force (ETag: its number); PUT a whole document with If-Match to publish it at once;</item>
/// <item>versions: the history, one version, a diff of two, and restore (a new version equal to an old one);</item>
/// <item>drafts: start, read, replace (If-Match), diff against what is in force, delete, publish (If-Match).</item>
/// </list>
/// Drafts are checked like a publish, so a draft that can be saved can be published; one published is kept as it was.</summary>
public static class ConfigEndpoints
{
    public const int MaxHistory = 100;
    public const int MaxOpenDrafts = 50;

    /// <summary>Members of a document view that are not part of the document (read back and sent again, they are ignored).</summary>
    private static readonly string[] Metadata = ["version", "publishedAt", "publishedBy", "reason", "restoredFrom"];

    /// <summary>Maps the document's routes under <paramref name="path"/>; <paramref name="published"/> adds what must
    /// commit with a new version (a message announcing it) and returns nothing.</summary>
    public static RouteGroupBuilder MapConfigDocument<TDbContext, T>(
        this RouteGroupBuilder group, string path, IConfigDocument<T> document, Func<HttpContext, Published<T>, Task>? published = null)
        where TDbContext : DbContext where T : class
    {
        var label = document.Label;
        group.MapGet(path, async (ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                http.Response.Headers.ETag = current.ETag;
                return TypedResults.Ok(View(current));
            })
            .WithSummary($"The {label} in force, with its version (the ETag).");

        group.MapPut(path, async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> (
                JsonElement body, ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                var reason = ReasonOf(body, errors);
                var value = document.Read(WithoutMetadata(body), errors);
                if (!errors.IsValid || value is null)
                {
                    return errors.IsUnprocessable ? errors.ToUnprocessable($"The {label} is not valid.") : errors.ToProblem($"The {label} is not valid.");
                }

                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), current.ETag, label) is { } refused)
                {
                    return refused;
                }

                return await PublishAsync(store, document, tenant, http, value, reason, current.Version, restoredFrom: null, published, null, cancellationToken);
            })
            .WithIdempotency<TDbContext, RouteHandlerBuilder>()
            .WithSummary($"Publishes a whole {label} as the next version (If-Match with the version read; the same document again adds no version).")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapGet($"{path}/versions", async (ConfigStore<TDbContext> store, ITenantContext tenant, CancellationToken cancellationToken) =>
                TypedResults.Ok((await store.HistoryAsync(document, tenant.TenantId, MaxHistory, cancellationToken))
                    .Select(row => new VersionView(row.Version, Utc(row.PublishedAt), row.PublishedByName, row.Reason, row.RestoredFrom)).ToList()))
            .WithSummary($"Who published each version of the {label}, when and why, newest first (at most {MaxHistory}).");

        group.MapGet($"{path}/versions/{{version:int}}", async Task<Results<Ok<JsonObject>, ProblemHttpResult>> (
                int version, ConfigStore<TDbContext> store, ITenantContext tenant, CancellationToken cancellationToken) =>
                await store.VersionAsync(document, tenant.TenantId, version, cancellationToken) is { } found
                    ? TypedResults.Ok(View(found))
                    : Problems.NotFound($"version of the {label}", version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .WithSummary($"One version of the {label}.");

        group.MapGet($"{path}/versions/{{version:int}}/diff", async Task<Results<Ok<DiffView>, ProblemHttpResult>> (
                int version, int? against, ConfigStore<TDbContext> store, ITenantContext tenant, CancellationToken cancellationToken) =>
            {
                var other = against ?? version - 1;
                var to = await store.VersionAsync(document, tenant.TenantId, version, cancellationToken);
                var from = other < 1 && against is null ? null : await store.VersionAsync(document, tenant.TenantId, other, cancellationToken);
                if (to is null || (from is null && !(other < 1 && against is null)))
                {
                    return Problems.NotFound($"version of the {label}", (to is null ? version : other).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return TypedResults.Ok(new DiffView(from is null ? "nothing" : $"version {from.Version}", $"version {to.Version}", DocumentDiff.Between(from?.Body, to.Body)));
            })
            .WithSummary($"What changed from one version of the {label} to another (against: the other version; the previous one when left out).");

        group.MapPost($"{path}/versions/{{version:int}}/restore", async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> (
                int version, PublishRequest request, ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                var reason = Reason(request.Reason, errors);
                if (!errors.IsValid)
                {
                    return errors.IsUnprocessable ? errors.ToUnprocessable("The roll back is not valid.") : errors.ToProblem("The roll back is not valid.");
                }

                if (await store.VersionAsync(document, tenant.TenantId, version, cancellationToken) is not { } old)
                {
                    return Problems.NotFound($"version of the {label}", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                if (Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), current.ETag, label) is { } refused)
                {
                    return refused;
                }

                return await PublishAsync(store, document, tenant, http, old.Value, reason, current.Version, version, published,
                    $"Version {version} is what is in force already.", cancellationToken);
            })
            .WithIdempotency<TDbContext, RouteHandlerBuilder>()
            .WithSummary($"Rolls the {label} back: publishes an old version again, as the next version (If-Match with the version in force).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        MapDrafts<TDbContext, T>(group, path, document, published);
        return group;
    }

    private static void MapDrafts<TDbContext, T>(RouteGroupBuilder group, string path, IConfigDocument<T> document, Func<HttpContext, Published<T>, Task>? published)
        where TDbContext : DbContext where T : class
    {
        var label = document.Label;
        var draftPath = $"{path}/drafts/{{draftId:guid}}";

        group.MapGet($"{path}/drafts", async (TDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
                TypedResults.Ok((await Drafts(db, document, tenant.TenantId).OrderByDescending(row => row.UpdatedAt).Take(MaxHistory).ToListAsync(cancellationToken))
                    .Select(row => DraftOf(row, withDocument: false)).ToList()))
            .WithSummary($"Drafts of the {label}, the latest changed first (at most {MaxHistory}), without their documents.");

        group.MapPost($"{path}/drafts", async Task<Results<Created<DraftView>, ValidationProblem, ProblemHttpResult>> (
                [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] DraftRequest? request,
                ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                var errors = new ValidationErrors();
                var value = request?.Document is { } given ? document.Read(WithoutMetadata(given), errors, "document") : current.Value;
                if (!errors.IsValid || value is null)
                {
                    return errors.IsUnprocessable ? errors.ToUnprocessable($"The {label} is not valid.") : errors.ToProblem($"The {label} is not valid.");
                }

                if (await Drafts(store.Db, document, tenant.TenantId).CountAsync(row => row.PublishedAs == null, cancellationToken) >= MaxOpenDrafts)
                {
                    return FieldProblems.Result(StatusCodes.Status409Conflict, "Too many drafts.",
                        $"A tenant keeps at most {MaxOpenDrafts} unpublished drafts of the {label}: publish or delete one first.", "draft");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var row = new ConfigDraftRow
                {
                    Id = Guid.CreateVersion7(),
                    TenantId = tenant.TenantId,
                    Document = document.Name,
                    BaseVersion = current.Version,
                    Body = document.Write(value).ToJsonString(),
                    CreatedAt = now,
                    CreatedByName = tenant.Actor.Name,
                    UpdatedAt = now,
                    UpdatedByName = tenant.Actor.Name,
                };
                store.Db.Add(row);
                await store.Db.SaveChangesAsync(cancellationToken);
                http.Response.Headers.ETag = ETag(row);
                return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{row.Id}", DraftOf(row, withDocument: true));
            })
            .WithIdempotency<TDbContext, RouteHandlerBuilder>()
            .WithSummary($"Starts a draft of the {label}: the document given, or a copy of the version in force.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet(draftPath, async Task<Results<Ok<DraftView>, ProblemHttpResult>> (
                Guid draftId, TDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (await Drafts(db, document, tenant.TenantId).SingleOrDefaultAsync(row => row.Id == draftId, cancellationToken) is not { } row)
                {
                    return Problems.NotFound($"draft of the {label}", draftId.ToString());
                }

                http.Response.Headers.ETag = ETag(row);
                return TypedResults.Ok(DraftOf(row, withDocument: true));
            })
            .WithSummary($"A draft of the {label}, with its ETag.");

        group.MapGet($"{draftPath}/diff", async Task<Results<Ok<DiffView>, ProblemHttpResult>> (
                Guid draftId, ConfigStore<TDbContext> store, ITenantContext tenant, CancellationToken cancellationToken) =>
            {
                if (await Drafts(store.Db, document, tenant.TenantId).SingleOrDefaultAsync(row => row.Id == draftId, cancellationToken) is not { } row)
                {
                    return Problems.NotFound($"draft of the {label}", draftId.ToString());
                }

                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                return TypedResults.Ok(new DiffView($"version {current.Version}", "the draft", DocumentDiff.Between(current.Body, JsonNode.Parse(row.Body))));
            })
            .WithSummary($"What publishing the draft would change in the {label} in force.");

        group.MapPut(draftPath, async Task<Results<Ok<DraftView>, ValidationProblem, ProblemHttpResult>> (
                Guid draftId, DraftRequest request, ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                if (await Drafts(store.Db, document, tenant.TenantId, tracked: true).SingleOrDefaultAsync(existing => existing.Id == draftId, cancellationToken) is not { } row)
                {
                    return Problems.NotFound($"draft of the {label}", draftId.ToString());
                }

                var errors = new ValidationErrors();
                var value = request.Document is { } given ? document.Read(WithoutMetadata(given), errors, "document") : null;
                if (request.Document is null)
                {
                    errors.Add("document", $"required: the whole {label}");
                }

                if (!errors.IsValid || value is null)
                {
                    return errors.IsUnprocessable ? errors.ToUnprocessable($"The {label} is not valid.") : errors.ToProblem($"The {label} is not valid.");
                }

                if ((Unchangeable(row, label) ?? Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row), $"draft of the {label}")) is { } refused)
                {
                    return refused;
                }

                (row.Body, row.UpdatedAt, row.UpdatedByName) = (document.Write(value).ToJsonString(), clock.GetUtcNow().UtcDateTime, tenant.Actor.Name);
                if (await SaveAsync(store.Db, cancellationToken) is { } stale)
                {
                    return stale;
                }

                http.Response.Headers.ETag = ETag(row);
                return TypedResults.Ok(DraftOf(row, withDocument: true));
            })
            .WithSummary($"Replaces a draft's document (If-Match with the draft's ETag); a published draft cannot change.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapDelete(draftPath, async Task<Results<NoContent, ProblemHttpResult>> (
                Guid draftId, TDbContext db, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (await Drafts(db, document, tenant.TenantId, tracked: true).SingleOrDefaultAsync(existing => existing.Id == draftId, cancellationToken) is not { } row)
                {
                    return Problems.NotFound($"draft of the {label}", draftId.ToString());
                }

                if ((Unchangeable(row, label) ?? Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row), $"draft of the {label}")) is { } refused)
                {
                    return refused;
                }

                db.Remove(row);
                return await SaveAsync(db, cancellationToken) is { } stale ? stale : TypedResults.NoContent();
            })
            .WithSummary("Deletes an unpublished draft (If-Match with the draft's ETag).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost($"{draftPath}/publish", async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> (
                Guid draftId, PublishRequest request, ConfigStore<TDbContext> store, ITenantContext tenant, HttpContext http, CancellationToken cancellationToken) =>
            {
                var errors = new ValidationErrors();
                var reason = Reason(request.Reason, errors);
                if (!errors.IsValid)
                {
                    return errors.IsUnprocessable ? errors.ToUnprocessable("The publish is not valid.") : errors.ToProblem("The publish is not valid.");
                }

                if (await Drafts(store.Db, document, tenant.TenantId, tracked: true).SingleOrDefaultAsync(existing => existing.Id == draftId, cancellationToken) is not { } row)
                {
                    return Problems.NotFound($"draft of the {label}", draftId.ToString());
                }

                if ((Unchangeable(row, label) ?? Problems.UnlessCurrent(http.Request.Headers.IfMatch.ToString(), ETag(row), $"draft of the {label}")) is { } refused)
                {
                    return refused;
                }

                var current = await store.InForceAsync(document, tenant.TenantId, cancellationToken);
                if (current.Version != row.BaseVersion)
                {
                    return FieldProblems.Result(StatusCodes.Status409Conflict, "The draft is out of date.",
                        $"The draft started from version {row.BaseVersion} of the {label}, and version {current.Version} has been published since: start a new draft from it.",
                        "draft", extensions: [new("currentVersion", current.Version)]);
                }

                return await PublishAsync(store, document, tenant, http, ConfigDocuments.Parse(document, row.Body), reason, row.BaseVersion, null,
                    async (context, version) =>
                    {
                        row.PublishedAs = version.Version;
                        if (published is not null)
                        {
                            await published(context, version);
                        }
                    },
                    $"The draft is the same as version {current.Version}, which is in force: there is nothing to publish.", cancellationToken);
            })
            .WithIdempotency<TDbContext, RouteHandlerBuilder>()
            .WithSummary($"Publishes a draft as the next version of the {label} (If-Match with the draft's ETag; only while the version it started from is in force).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>A draft of this document kind for the tenant, or null when there is none (for a service's own draft
    /// endpoints, such as a what-if).</summary>
    public static async Task<T?> DraftValueAsync<T>(DbContext db, IConfigDocument<T> document, string tenantId, Guid draftId, CancellationToken cancellationToken)
        where T : class =>
        await Drafts(db, document, tenantId).SingleOrDefaultAsync(row => row.Id == draftId, cancellationToken) is { } row
            ? ConfigDocuments.Parse(document, row.Body)
            : null;

    /// <summary>Reads a document at a member of a request (<paramref name="prefix"/>), naming fields from there.</summary>
    private static T? Read<T>(this IConfigDocument<T> document, JsonElement json, ValidationErrors errors, string prefix) where T : class
    {
        var inner = new ValidationErrors();
        var value = document.Read(json, inner);
        errors.AddAll(inner.ToDictionary().AsReadOnly(), prefix);
        return value;
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> PublishAsync<TDbContext, T>(
        ConfigStore<TDbContext> store, IConfigDocument<T> document, ITenantContext tenant, HttpContext http, T value, string? reason, int expected,
        int? restoredFrom, Func<HttpContext, Published<T>, Task>? published, string? refuseUnchanged, CancellationToken cancellationToken)
        where TDbContext : DbContext where T : class
    {
        var (outcome, current) = await store.PublishAsync(document, tenant.TenantId, tenant.Actor, value, reason, expected, restoredFrom,
            published is null ? null : version => published(http, version), cancellationToken);
        switch (outcome)
        {
            case PublishOutcome.Stale:
                return Problems.PreconditionFailed(current.ETag);
            case PublishOutcome.Unchanged when refuseUnchanged is not null:
                return FieldProblems.Result(StatusCodes.Status409Conflict, "Nothing to publish.", refuseUnchanged, "document");
            default:
                http.Response.Headers.ETag = current.ETag;
                return TypedResults.Ok(View(current));
        }
    }

    private static JsonObject View<T>(Published<T> published) where T : class
    {
        var view = new JsonObject
        {
            ["version"] = published.Version,
            ["publishedAt"] = published.PublishedAt,
            ["publishedBy"] = published.PublishedBy,
            ["reason"] = published.Reason,
            ["restoredFrom"] = published.RestoredFrom,
        };
        foreach (var (name, value) in published.Body)
        {
            view[name] = value?.DeepClone();
        }

        return view;
    }

    private static JsonElement WithoutMetadata(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !Metadata.Any(name => body.TryGetProperty(name, out _)))
        {
            return body;
        }

        var copy = JsonNode.Parse(body.GetRawText())!.AsObject();
        foreach (var name in Metadata)
        {
            copy.Remove(name);
        }

        return JsonSerializer.SerializeToElement(copy);
    }

    /// <summary>A whole document published at once may say why in its "reason" member.</summary>
    private static string? ReasonOf(JsonElement body, ValidationErrors errors) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("reason", out var reason) && reason.ValueKind != JsonValueKind.Null
            ? reason.ValueKind == JsonValueKind.String ? Reason(reason.GetString(), errors) : Invalid(errors)
            : null;

    private static string? Invalid(ValidationErrors errors)
    {
        errors.Add("reason", "text: why the change is made");
        return null;
    }

    private static string? Reason(string? reason, ValidationErrors errors)
    {
        errors.Text("reason", reason, ConfigDocuments.MaxReason, required: true);
        return reason?.Trim();
    }

    private static ProblemHttpResult? Unchangeable(ConfigDraftRow row, string label) => row.PublishedAs is { } version
        ? FieldProblems.Result(StatusCodes.Status409Conflict, "The draft is published.",
            $"This draft was published as version {version} of the {label} and is kept as it was: start a new draft to change it.", "draft")
        : null;

    private static async Task<ProblemHttpResult?> SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.PreconditionFailed(null);
        }
    }

    private static IQueryable<ConfigDraftRow> Drafts<T>(DbContext db, IConfigDocument<T> document, string tenantId, bool tracked = false) where T : class
    {
        var drafts = db.Set<ConfigDraftRow>().Where(row => row.TenantId == tenantId && row.Document == document.Name);
        return tracked ? drafts : drafts.AsNoTracking();
    }

    private static DraftView DraftOf(ConfigDraftRow row, bool withDocument) => new(
        row.Id, row.BaseVersion, Utc(row.CreatedAt), row.CreatedByName, Utc(row.UpdatedAt), row.UpdatedByName, row.PublishedAs,
        withDocument ? JsonNode.Parse(row.Body)!.AsObject() : null);

    private static string ETag(ConfigDraftRow row) => $"\"{row.RowVersion}\"";

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
