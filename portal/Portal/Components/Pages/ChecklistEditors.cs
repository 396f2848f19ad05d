using System.Globalization;

namespace EscalationPlatform.Portal.Components.Pages;

public enum EditorKind
{
    Text,
    Multiline,
    List,
    DateTime,
    YesNo,
    Number,
}

/// <summary>How the form asks for one checklist item (triage names the items an issue type requires, GET
/// /api/v1/triage/checklists) and where its answer goes in the case's facts ("context" or "urgency").</summary>
public sealed record ChecklistEditor(string Label, EditorKind Kind, string Section, string Field)
{
    /// <summary>The answer as the API takes it; null when empty or not understood (the preview then says it is missing).
    /// A date and time is in the viewer's zone, unless it names its own offset ("Z", "+05:30").</summary>
    public object? Value(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return Kind switch
        {
            EditorKind.List => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            EditorKind.DateTime => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(at, zone.GetUtcOffset(at)) : new DateTimeOffset(at.ToUniversalTime())
                : null,
            EditorKind.YesNo => text == "yes",
            EditorKind.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null,
            _ => text,
        };
    }
}

public static class ChecklistEditors
{
    /// <summary>By checklist item id. An item the portal has no editor for is listed as missing, so nobody is left guessing.</summary>
    public static IReadOnlyDictionary<string, ChecklistEditor> ById { get; } = new Dictionary<string, ChecklistEditor>
    {
        ["error-or-logs"] = new("Error message", EditorKind.Text, "context", "errorMessages"),
        ["error"] = new("Error message the user sees", EditorKind.Text, "context", "errorMessages"),
        ["reproduction-steps"] = new("Steps to reproduce", EditorKind.Multiline, "context", "reproductionSteps"),
        ["affected-service"] = new("Affected services (comma-separated)", EditorKind.List, "context", "affectedServices"),
        ["first-seen"] = new("First seen", EditorKind.DateTime, "context", "firstSeenAt"),
        ["account-id"] = new("Affected account ids (comma-separated)", EditorKind.List, "context", "accountIds"),
        ["attempted"] = new("What the user attempted", EditorKind.Text, "context", "attempted"),
        ["mfa-involved"] = new("Is MFA involved?", EditorKind.YesNo, "context", "mfaInvolved"),
        ["invoice-or-transaction"] = new("Invoice or transaction id", EditorKind.Text, "context", "invoiceOrTransactionId"),
        ["amount"] = new("Amount", EditorKind.Number, "context", "amount"),
        ["affected-accounts"] = new("Affected accounts (comma-separated)", EditorKind.List, "context", "affectedAccounts"),
        ["observed"] = new("What was observed", EditorKind.Multiline, "context", "observed"),
        ["detected-at"] = new("Detected at", EditorKind.DateTime, "context", "detectedAt"),
        ["deadline"] = new("Deadline", EditorKind.DateTime, "urgency", "deadline"),
        ["counterparty-or-document"] = new("Counterparty or document", EditorKind.Text, "context", "counterpartyOrDocument"),
    };

    /// <summary>Items asked for elsewhere on the form (the impact scope has its own field).</summary>
    public static bool AskedElsewhere(string id) => id == "impact-scope";

    /// <summary>Puts each understood answer where the API takes it: into <paramref name="context"/> or
    /// <paramref name="urgency"/> (an error message is a list of one).</summary>
    public static void Apply(IReadOnlyDictionary<string, string?> answers, TimeZoneInfo zone, Dictionary<string, object?> context,
        Dictionary<string, object?> urgency)
    {
        foreach (var (id, text) in answers)
        {
            if (ById.TryGetValue(id, out var editor) && editor.Value(text, zone) is { } value)
            {
                var section = editor.Section == "urgency" ? urgency : context;
                section[editor.Field] = editor.Field == "errorMessages" ? new[] { (string)value } : value;
            }
        }
    }
}
