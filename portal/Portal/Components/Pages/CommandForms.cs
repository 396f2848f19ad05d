namespace EscalationPlatform.Portal.Components.Pages;

public sealed record CommandField(string Name, string Label, bool Required, bool Multiline = false, IReadOnlyList<string>? Choices = null);

/// <summary>A command on a case as the portal offers it: its button, the API path under the case, and what it asks.</summary>
public sealed record CommandForm(string Id, string Label, string Path, IReadOnlyList<CommandField> Fields)
{
    /// <summary>The request body: the fields filled in, by their API names.</summary>
    public Dictionary<string, string> Body(IReadOnlyDictionary<string, string?> values) =>
        Fields.Where(field => !string.IsNullOrWhiteSpace(values.GetValueOrDefault(field.Name)))
            .ToDictionary(field => field.Name, field => values[field.Name]!.Trim());
}

/// <summary>The commands of POST /api/v1/escalations/{id}/..., in the order work happens. Which of them a person
/// may use on a case, the record says (its "commands"): the rules stay in intake.</summary>
public static class CommandForms
{
    public static IReadOnlyList<CommandForm> All { get; } =
    [
        new("contest", "Contest the deflection", "contest", [new("reason", "Why the workaround does not help", true)]),
        new("acknowledge", "Acknowledge", "acknowledge", [new("note", "Note (optional)", false)]),
        new("record-action", "Record an action", "actions", [new("description", "What was done", true, Multiline: true)]),
        new("post-customer-update", "Update the customer", "customer-updates", [new("message", "Message to the customer", true, Multiline: true)]),
        new("wait-on-customer", "Wait on the customer", "wait-on-customer", [new("reason", "What is awaited from the customer", true)]),
        new("resume", "Resume", "resume", [new("note", "Note (optional)", false)]),
        new("resolve", "Resolve", "resolve",
        [
            new("kind", "Resolution", true, Choices: ["fix", "workaround"]),
            new("summary", "Summary", true, Multiline: true),
            new("rootCause", "Root cause (required for S1 and S2)", false, Multiline: true),
        ]),
        new("confirm-closure", "Confirm closure", "confirm-closure", [new("note", "Note (optional)", false)]),
        new("reopen", "Reopen", "reopen", [new("reason", "Why it is reopened", true)]),
        new("cancel", "Cancel the escalation", "cancel", [new("reason", "Why it is cancelled", true)]),
        new("change-severity", "Change severity", "severity",
        [
            new("severity", "New severity", true, Choices: ["S1", "S2", "S3", "S4"]),
            new("reason", "Why (what changed)", true, Multiline: true),
        ]),
    ];

    public static IEnumerable<CommandForm> Offered(IReadOnlyList<string> commands) => All.Where(form => commands.Contains(form.Id));
}
