namespace EscalationPlatform.Messaging.Signals;

/// <summary>A statement-level trigger on <paramref name="Table"/> that sends a notification on
/// <paramref name="Channel"/> after each statement of <paramref name="Events"/> (INSERT, UPDATE), which wakes the
/// <see cref="DatabaseSignalListener{TDbContext, TSignal}"/> of that channel. NOTIFY is transactional: it is
/// delivered on commit, and not at all on rollback; notifications of one transaction are folded into one.
/// With <paramref name="WhenAnyRow"/> (a condition on the rows the statement wrote) it notifies only if a written row
/// meets it, so the work a statement does not create (for example a worker's own bookkeeping) wakes no one.
/// Services add it in a migration (EF Core does not model triggers).</summary>
public sealed record NotifyTrigger(string Table, string Channel, string Name, IReadOnlyList<string> Events, string? WhenAnyRow = null)
{
    private string Function => $"{Table}_notify";

    private IEnumerable<(string Event, string Trigger)> Triggers =>
        Events.Select(change => (change, Events.Count == 1 ? Name : $"{Name}_{change.ToLowerInvariant()}"));

    public string CreateSql()
    {
        var notify = WhenAnyRow is null
            ? $"PERFORM pg_notify('{Channel}', '');"
            : $"IF EXISTS (SELECT 1 FROM written_rows WHERE {WhenAnyRow}) THEN PERFORM pg_notify('{Channel}', ''); END IF;";
        var referencing = WhenAnyRow is null ? "" : " REFERENCING NEW TABLE AS written_rows"; // a transition table allows one event per trigger
        var triggers = Triggers.Select(trigger => $"""
            CREATE OR REPLACE TRIGGER {trigger.Trigger} AFTER {trigger.Event} ON {Table}{referencing}
                FOR EACH STATEMENT EXECUTE FUNCTION {Function}();
            """);
        return $"""
            CREATE OR REPLACE FUNCTION {Function}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                {notify}
                RETURN NULL;
            END $$;
            {string.Join(Environment.NewLine, triggers)}
            """;
    }

    public string DropSql() =>
        string.Join(Environment.NewLine, Triggers.Select(trigger => $"DROP TRIGGER IF EXISTS {trigger.Trigger} ON {Table};"))
        + Environment.NewLine + $"DROP FUNCTION IF EXISTS {Function}();";
}
