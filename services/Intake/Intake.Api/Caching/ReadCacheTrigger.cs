namespace Intake.Api.Caching;

/// <summary>Row triggers that tell every intake which record changed, on <see cref="Channel"/>: an escalation row
/// inserted, updated or deleted sends "{id} {tenant}" (its queue pages change too); a timeline entry inserted (a
/// note that leaves the record's row alone) sends "{id}". NOTIFY is delivered on commit, not at all on rollback, and
/// the same payload twice in one transaction is sent once. Added in intake's migration (EF Core does not model triggers).</summary>
public static class ReadCacheTrigger
{
    public const string Channel = "escalation_changed";

    public const string CreateSql = $"""
        CREATE OR REPLACE FUNCTION escalation_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('{Channel}', OLD.id::text || ' ' || OLD."TenantId");
            ELSE
                PERFORM pg_notify('{Channel}', NEW.id::text || ' ' || NEW."TenantId");
            END IF;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER escalation_changed AFTER INSERT OR UPDATE OR DELETE ON escalation
            FOR EACH ROW EXECUTE FUNCTION escalation_changed_notify();
        CREATE OR REPLACE FUNCTION timeline_entry_added_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{Channel}', NEW."EscalationId"::text);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER timeline_entry_added AFTER INSERT ON timeline_entry
            FOR EACH ROW EXECUTE FUNCTION timeline_entry_added_notify();
        """;

    public const string DropSql = """
        DROP TRIGGER IF EXISTS timeline_entry_added ON timeline_entry;
        DROP FUNCTION IF EXISTS timeline_entry_added_notify();
        DROP TRIGGER IF EXISTS escalation_changed ON escalation;
        DROP FUNCTION IF EXISTS escalation_changed_notify();
        """;

    /// <summary>The record id and (for a change of its row) tenant a notification names; false for anything else.</summary>
    private const string FeedPrefix = "feed ";

    /// <summary>"feed {tenant} {person}": a person's in-app feed has new entries (sent by intake itself, not a trigger).</summary>
    public static string FeedPayload(string tenant, string person) => $"{FeedPrefix}{tenant} {person}";

    public static bool TryParseFeed(string payload, out string tenant, out string person)
    {
        var parts = payload.StartsWith(FeedPrefix, StringComparison.Ordinal) ? payload[FeedPrefix.Length..].Split(' ', 2) : [];
        (tenant, person) = parts.Length == 2 ? (parts[0], parts[1]) : ("", "");
        return parts.Length == 2 && tenant.Length > 0 && person.Length > 0;
    }

    public static bool TryParse(string payload, out Guid id, out string? tenant)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        tenant = space < 0 ? null : payload[(space + 1)..];
        return Guid.TryParse(space < 0 ? payload : payload[..space], out id) && tenant is not "";
    }
}
