using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Web.Configuration;

/// <summary>One published version of a tenant's configuration document ("matrix", "checklists", "sla-policy"). Versions
/// are never changed: the newest is in force, and a roll back publishes an old body again as a new version.</summary>
public sealed class ConfigVersionRow
{
    public required string TenantId { get; init; }

    public required string Document { get; init; }

    public required int Version { get; init; }

    /// <summary>The document as JSON (jsonb).</summary>
    public required string Body { get; init; }

    public required DateTime PublishedAt { get; init; }

    public required string PublishedById { get; init; }

    public required string PublishedByName { get; init; }

    /// <summary>Why it was published, as the publisher said.</summary>
    public string? Reason { get; init; }

    /// <summary>The version this one restores (a roll back), or null.</summary>
    public int? RestoredFrom { get; init; }
}

/// <summary>A change to a configuration document being prepared: edited freely, checked like a publish, tried out (what-if,
/// preview) and finally published as the next version, after which it is kept as it was and cannot be edited.</summary>
public sealed class ConfigDraftRow
{
    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required string Document { get; init; }

    /// <summary>The version the draft started from: it can only be published while that version is still in force.</summary>
    public required int BaseVersion { get; set; }

    public required string Body { get; set; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedByName { get; init; }

    public required DateTime UpdatedAt { get; set; }

    public required string UpdatedByName { get; set; }

    /// <summary>The version this draft became, once published.</summary>
    public int? PublishedAs { get; set; }

    public uint RowVersion { get; set; }
}

public static class ConfigurationModel
{
    public static ModelBuilder AddConfigurationTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConfigVersionRow>(version =>
        {
            version.ToTable("config_version");
            version.HasKey(row => new { row.TenantId, row.Document, row.Version });
            version.Property(row => row.TenantId).HasMaxLength(63);
            version.Property(row => row.Document).HasMaxLength(32);
            version.Property(row => row.Body).HasColumnType("jsonb");
            version.Property(row => row.PublishedById).HasMaxLength(300);
            version.Property(row => row.PublishedByName).HasMaxLength(300);
            version.Property(row => row.Reason).HasMaxLength(ConfigDocuments.MaxReason);
        });
        modelBuilder.Entity<ConfigDraftRow>(draft =>
        {
            draft.ToTable("config_draft");
            draft.HasKey(row => row.Id);
            draft.Property(row => row.Id).ValueGeneratedNever();
            draft.Property(row => row.TenantId).HasMaxLength(63);
            draft.Property(row => row.Document).HasMaxLength(32);
            draft.Property(row => row.Body).HasColumnType("jsonb");
            draft.Property(row => row.CreatedByName).HasMaxLength(300);
            draft.Property(row => row.UpdatedByName).HasMaxLength(300);
            draft.Property(row => row.RowVersion).IsRowVersion();
            draft.HasIndex(row => new { row.TenantId, row.Document, row.UpdatedAt });
        });
        return modelBuilder;
    }
}
