using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscalationPlatform.Data;

public static class DbUpdateExceptionExtensions
{
    /// <summary>Whether the save broke a unique index or constraint on <paramref name="column"/> (its name holds the
    /// column's, as EF Core names indexes: IX_table_TenantId_..._DedupKey).</summary>
    public static bool IsUniqueViolation(this DbUpdateException error, string column) =>
        error.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
        && unique.ConstraintName?.Contains(column, StringComparison.Ordinal) == true;
}
