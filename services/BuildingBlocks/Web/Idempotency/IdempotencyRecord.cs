using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EscalationPlatform.Web.Idempotency;

/// <summary>A request made with an Idempotency-Key: what was asked (a hash) and what was answered, kept so a
/// retry gets the first answer again and a different request under the same key is refused.</summary>
public sealed class IdempotencyRecord
{
    public required string TenantId { get; init; }

    /// <summary>The credential's actor (a person's subject, or key:{id} for an API key): keys are per credential.</summary>
    public required string ActorId { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public int StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public string? Location { get; set; }

    public required DateTime CreatedAt { get; init; }
}

public static class IdempotencyModel
{
    public const string Table = "idempotency_key";

    public static ModelBuilder AddIdempotencyTable(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable(Table);
            record.HasKey(entry => new { entry.TenantId, entry.ActorId, entry.Key });
            record.Property(entry => entry.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
            record.Property(entry => entry.ActorId).HasColumnName("actor_id").HasMaxLength(300);
            record.Property(entry => entry.Key).HasColumnName("key").HasMaxLength(IdempotencyFilter.MaxKeyLength);
            record.Property(entry => entry.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            record.Property(entry => entry.StatusCode).HasColumnName("status_code");
            record.Property(entry => entry.ResponseBody).HasColumnName("response_body");
            record.Property(entry => entry.Location).HasColumnName("location").HasMaxLength(2048);
            record.Property(entry => entry.CreatedAt).HasColumnName("created_at");
            record.HasIndex(entry => entry.CreatedAt).HasDatabaseName("ix_idempotency_key_created_at");
        });
        return modelBuilder;
    }

    public static void CreateIdempotencyTable(this MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Table,
            columns: table => new
            {
                tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                status_code = table.Column<int>(type: "integer", nullable: false),
                response_body = table.Column<string>(type: "text", nullable: true),
                location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_idempotency_key", x => new { x.tenant_id, x.key }));
        migrationBuilder.CreateIndex(name: "ix_idempotency_key_created_at", table: Table, column: "created_at");
    }

    public static void DropIdempotencyTable(this MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: Table);
}
