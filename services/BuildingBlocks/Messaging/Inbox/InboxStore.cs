using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging.Inbox;

internal static class InboxStore
{
    /// <summary>Records that the endpoint consumed the message, in the caller's transaction. False when it was
    /// already recorded; a concurrent copy waits on the row lock and then sees it.</summary>
    public static async Task<bool> TryRecordAsync(DbContext dbContext, Guid messageId, string endpoint, DateTime now, CancellationToken cancellationToken) =>
        await dbContext.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO inbox_message (message_id, endpoint, received_at) VALUES ({messageId}, {endpoint}, {now})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken) == 1;

    /// <summary>Forgets consumed messages older than the retention window, a batch at a time.</summary>
    public static Task<int> DeleteOlderThanAsync(DbContext dbContext, DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        dbContext.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM inbox_message WHERE ctid IN
                (SELECT ctid FROM inbox_message WHERE received_at < {cutoff} LIMIT {batchSize})
            """,
            cancellationToken);
}
