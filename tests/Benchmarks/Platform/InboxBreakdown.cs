using EscalationPlatform.Harness;
using Npgsql;

namespace Benchmarks.Platform;

/// <summary>Messages consumed in a window by database, endpoint and message type. The inbox records the message id
/// and the endpoint; the type comes from a bench-only trigger that copies each outbox row's id and type into an
/// unlogged table as the row is written (one small insert per published message, paid inside the window).</summary>
public static class InboxBreakdown
{
    public sealed record Row(string Database, string Endpoint, string MessageType, long Count);

    private const string Install = """
        CREATE UNLOGGED TABLE IF NOT EXISTS bench_published (message_id uuid PRIMARY KEY, message_type text NOT NULL);
        CREATE OR REPLACE FUNCTION bench_published_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bench_published VALUES (NEW.message_id, NEW.message_type) ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER bench_published AFTER INSERT ON outbox_message FOR EACH ROW EXECUTE FUNCTION bench_published_log();
        """;

    public static async Task InstallAsync(PlatformHost host)
    {
        foreach (var database in PlatformDatabases.Names)
        {
            await using var connection = await PlatformDatabases.OpenAsync(host, database);
            await using var command = new NpgsqlCommand(Install, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<IReadOnlyList<Row>> ReadAsync(PlatformHost host, DateTime from, DateTime to)
    {
        var types = new Dictionary<Guid, string>();
        var consumed = new List<(string Database, Guid Id, string Endpoint)>();
        foreach (var database in PlatformDatabases.Names)
        {
            await using var connection = await PlatformDatabases.OpenAsync(host, database);
            await using (var published = new NpgsqlCommand("SELECT message_id, message_type FROM bench_published", connection))
            await using (var reader = await published.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    types[reader.GetGuid(0)] = TypeName(reader.GetString(1));
                }
            }

            await using var inbox = new NpgsqlCommand("SELECT message_id, endpoint FROM inbox_message WHERE received_at >= @from AND received_at < @to", connection);
            inbox.Parameters.AddWithValue("from", from);
            inbox.Parameters.AddWithValue("to", to);
            await using var rows = await inbox.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                consumed.Add((database, rows.GetGuid(0), rows.GetString(1)));
            }
        }

        return [.. consumed
            .GroupBy(row => (row.Database, row.Endpoint, Type: types.GetValueOrDefault(row.Id, "(not from an outbox)")))
            .Select(group => new Row(group.Key.Database, group.Key.Endpoint, group.Key.Type, group.LongCount()))
            .OrderBy(row => row.Database).ThenByDescending(row => row.Count)];
    }

    /// <summary>"urn:message:EscalationPlatform.Contracts:EscalationTriaged;urn:message:..." -> "EscalationTriaged".</summary>
    private static string TypeName(string messageType)
    {
        var first = messageType.Split(';')[0];
        return first[(first.LastIndexOf(':') + 1)..];
    }
}
