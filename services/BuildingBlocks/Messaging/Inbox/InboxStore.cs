using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging.Inbox;

internal static class InboxStore
{
    /// <summary>Whether the endpoint has consumed the message (its record committed).</summary>
    public static Task<bool> ContainsAsync(DbContext dbContext, Guid messageId, string endpoint, CancellationToken cancellationToken) =>
        dbContext.Set<InboxMessage>().AsNoTracking()
            .AnyAsync(inbox => inbox.MessageId == messageId && inbox.Endpoint == endpoint, cancellationToken);

    /// <summary>Forgets consumed messages older than the retention window, a batch at a time.</summary>
    public static Task<int> DeleteOlderThanAsync(DbContext dbContext, DateTime cutoff, int batchSize, CancellationToken cancellationToken) =>
        dbContext.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM inbox_message WHERE ctid IN
                (SELECT ctid FROM inbox_message WHERE received_at < {cutoff} LIMIT {batchSize})
            """,
            cancellationToken);
}
