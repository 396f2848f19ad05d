using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EscalationPlatform.Web.Configuration;

/// <summary>A kind of configuration document a service keeps versioned (the escalation matrix, the checklists, the SLA
/// policy): how it is read and checked from JSON, and written back. What is stored is what <see cref="Write"/> gives
/// for what <see cref="Read"/> accepted, so every version is in one canonical form.</summary>
public interface IConfigDocument<T> where T : class
{
    /// <summary>Its name in storage and messages: "matrix".</summary>
    string Name { get; }

    /// <summary>What a person calls it: "escalation matrix".</summary>
    string Label { get; }

    /// <summary>What a tenant starts from: its version 1.</summary>
    T Default { get; }

    /// <summary>The document, or null with the problems added to <paramref name="errors"/>, each naming its field.</summary>
    T? Read(JsonElement document, ValidationErrors errors);

    JsonObject Write(T value);
}

/// <summary>A version of a document: its number (what its ETag says), its value, and who published it, when and why.</summary>
public sealed record Published<T>(int Version, T Value, JsonObject Body, DateTimeOffset PublishedAt, string PublishedBy, string? Reason, int? RestoredFrom)
{
    public string ETag => ConfigDocuments.ETag(Version);
}

public enum PublishOutcome
{
    Published,

    /// <summary>The document is the one in force already: no version is added.</summary>
    Unchanged,

    /// <summary>Another version was published since the caller read the one it names.</summary>
    Stale,
}

public static class ConfigDocuments
{
    /// <summary>The store of <typeparamref name="TDbContext"/>'s documents (its model needs <see cref="ConfigurationModel.AddConfigurationTables"/>).</summary>
    public static IServiceCollection AddConfigStore<TDbContext>(this IServiceCollection services) where TDbContext : DbContext =>
        services.AddMemoryCache().AddScoped<ConfigStore<TDbContext>>();

    public const int MaxReason = 500;

    /// <summary>Read often, changed rarely: kept in memory for a short while, so this instance uses a new version at once
    /// and another one within this (a message that names a version asks for it, see <see cref="ConfigStore{TDbContext}.CurrentAsync{T}"/>).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>A stored body read back; it was checked when it was published.</summary>
    public static T Parse<T>(IConfigDocument<T> document, string body) where T : class
    {
        var errors = new ValidationErrors();
        using var json = JsonDocument.Parse(body);
        return document.Read(json.RootElement, errors)
            ?? throw new InvalidDataException($"A stored {document.Label} no longer reads: {string.Join("; ", errors.ToDictionary().Select(error => $"{error.Key}: {string.Join(", ", error.Value)}"))}");
    }
}

/// <summary>The versions of each tenant's configuration documents in a service's database (tables from
/// <see cref="ConfigurationModel.AddConfigurationTables"/>). A tenant without a version has the document's default,
/// written as its version 1 on first read.</summary>
public sealed class ConfigStore<TDbContext>(TDbContext db, IMemoryCache cache, TimeProvider clock) where TDbContext : DbContext
{
    private static readonly Actor Platform = Actor.Service("platform");

    public TDbContext Db => db;

    /// <summary>The version in force, from memory unless it is older than <paramref name="atLeast"/>.</summary>
    public async Task<Published<T>> CurrentAsync<T>(IConfigDocument<T> document, string tenantId, CancellationToken cancellationToken, int atLeast = 0)
        where T : class
    {
        if (cache.TryGetValue(Key(document, tenantId), out Published<T>? cached) && cached!.Version >= atLeast)
        {
            return cached;
        }

        return cache.Set(Key(document, tenantId), await LoadCurrentAsync(document, tenantId, cancellationToken), ConfigDocuments.CacheFor);
    }

    /// <summary>The version in force as the database has it now (for a read a write will follow, and the write itself:
    /// another replica may have published since this one cached its version).</summary>
    public async Task<Published<T>> InForceAsync<T>(IConfigDocument<T> document, string tenantId, CancellationToken cancellationToken) where T : class =>
        cache.Set(Key(document, tenantId), await LoadCurrentAsync(document, tenantId, cancellationToken), ConfigDocuments.CacheFor);

    public async Task<Published<T>?> VersionAsync<T>(IConfigDocument<T> document, string tenantId, int version, CancellationToken cancellationToken)
        where T : class
    {
        await CurrentAsync(document, tenantId, cancellationToken); // a tenant's version 1 exists once anyone looks
        var row = await Versions(document, tenantId).SingleOrDefaultAsync(row => row.Version == version, cancellationToken);
        return row is null ? null : ToPublished(document, row);
    }

    /// <summary>The versions, newest first, without their bodies.</summary>
    public async Task<List<ConfigVersionRow>> HistoryAsync<T>(IConfigDocument<T> document, string tenantId, int limit, CancellationToken cancellationToken)
        where T : class
    {
        await CurrentAsync(document, tenantId, cancellationToken);
        return await Versions(document, tenantId).OrderByDescending(row => row.Version).Take(limit)
            .Select(row => new ConfigVersionRow
            {
                TenantId = row.TenantId, Document = row.Document, Version = row.Version, Body = "", PublishedAt = row.PublishedAt,
                PublishedById = row.PublishedById, PublishedByName = row.PublishedByName, Reason = row.Reason, RestoredFrom = row.RestoredFrom,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="value"/> as the next version, unless it is what is in force already (nothing is
    /// added) or the version in force is no longer <paramref name="expectedCurrent"/>. <paramref name="beforeSave"/> adds
    /// what must commit with it (a message announcing it, a draft marked published) to the same unit of work.</summary>
    public async Task<(PublishOutcome Outcome, Published<T> Current)> PublishAsync<T>(
        IConfigDocument<T> document, string tenantId, Actor actor, T value, string? reason, int expectedCurrent, int? restoredFrom,
        Func<Published<T>, Task>? beforeSave, CancellationToken cancellationToken) where T : class
    {
        var current = await LoadCurrentAsync(document, tenantId, cancellationToken);
        if (current.Version != expectedCurrent)
        {
            return (PublishOutcome.Stale, current);
        }

        var body = document.Write(value);
        if (JsonNode.DeepEquals(body, current.Body))
        {
            return (PublishOutcome.Unchanged, current);
        }

        var row = new ConfigVersionRow
        {
            TenantId = tenantId,
            Document = document.Name,
            Version = current.Version + 1,
            Body = body.ToJsonString(),
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedById = $"{actor.Kind.ToString().ToLowerInvariant()}:{actor.Id}",
            PublishedByName = actor.Name,
            Reason = reason,
            RestoredFrom = restoredFrom,
        };
        db.Add(row);
        var published = ToPublished(document, row);
        if (beforeSave is not null)
        {
            await beforeSave(published);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (PublishOutcome.Stale, await LoadCurrentAsync(document, tenantId, cancellationToken)); // published by another at the same moment
        }

        return (PublishOutcome.Published, cache.Set(Key(document, tenantId), published, ConfigDocuments.CacheFor));
    }

    private async Task<Published<T>> LoadCurrentAsync<T>(IConfigDocument<T> document, string tenantId, CancellationToken cancellationToken) where T : class
    {
        var row = await Versions(document, tenantId).OrderByDescending(row => row.Version).FirstOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            return ToPublished(document, row);
        }

        // Two first reads at once both try; the key keeps one.
        var initial = new ConfigVersionRow
        {
            TenantId = tenantId,
            Document = document.Name,
            Version = 1,
            Body = document.Write(document.Default).ToJsonString(),
            PublishedAt = clock.GetUtcNow().UtcDateTime,
            PublishedById = $"service:{Platform.Id}",
            PublishedByName = "the platform's defaults",
            Reason = "the platform's defaults",
        };
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO config_version ("TenantId", "Document", "Version", "Body", "PublishedAt", "PublishedById", "PublishedByName", "Reason")
            VALUES ({initial.TenantId}, {initial.Document}, 1, {initial.Body}::jsonb, {initial.PublishedAt}, {initial.PublishedById}, {initial.PublishedByName}, {initial.Reason})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        return ToPublished(document, await Versions(document, tenantId).OrderByDescending(row => row.Version).FirstAsync(cancellationToken));
    }

    private IQueryable<ConfigVersionRow> Versions<T>(IConfigDocument<T> document, string tenantId) where T : class =>
        db.Set<ConfigVersionRow>().AsNoTracking().Where(row => row.TenantId == tenantId && row.Document == document.Name);

    private static Published<T> ToPublished<T>(IConfigDocument<T> document, ConfigVersionRow row) where T : class
    {
        var value = ConfigDocuments.Parse(document, row.Body);
        return new(row.Version, value, document.Write(value), new DateTimeOffset(DateTime.SpecifyKind(row.PublishedAt, DateTimeKind.Utc)),
            row.PublishedByName, row.Reason, row.RestoredFrom);
    }

    private static string Key<T>(IConfigDocument<T> document, string tenantId) where T : class => $"config:{document.Name}:{tenantId}";
}
