using System.Globalization;
using EscalationPlatform.Portal.Gateway;

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

/// <summary>How the form asks for one fact of a checklist and where its answer goes in the case's facts ("context" or
/// "urgency").</summary>
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
    /// <summary>By the fact a checklist item names (triage's checklists are tenant data, GET /api/v1/triage/checklists:
    /// each item is satisfied by any of its facts, and is asked for by the first of them the portal has an editor for).
    /// An item with none is listed as missing, so nobody is left guessing.</summary>
    public static IReadOnlyDictionary<string, ChecklistEditor> ByFact { get; } = new Dictionary<string, ChecklistEditor>
    {
        ["context.errorMessages"] = new("Error message", EditorKind.Text, "context", "errorMessages"),
        ["context.logLinks"] = new("Links to logs (comma-separated)", EditorKind.List, "context", "logLinks"),
        ["context.screenshotLinks"] = new("Links to screenshots (comma-separated)", EditorKind.List, "context", "screenshotLinks"),
        ["context.reproductionSteps"] = new("Steps to reproduce", EditorKind.Multiline, "context", "reproductionSteps"),
        ["context.affectedServices"] = new("Affected services (comma-separated)", EditorKind.List, "context", "affectedServices"),
        ["context.firstSeenAt"] = new("First seen", EditorKind.DateTime, "context", "firstSeenAt"),
        ["context.recentChanges"] = new("Recent changes", EditorKind.Multiline, "context", "recentChanges"),
        ["context.accountIds"] = new("Affected account ids (comma-separated)", EditorKind.List, "context", "accountIds"),
        ["context.attempted"] = new("What the user attempted", EditorKind.Text, "context", "attempted"),
        ["context.mfaInvolved"] = new("Is MFA involved?", EditorKind.YesNo, "context", "mfaInvolved"),
        ["context.invoiceOrTransactionId"] = new("Invoice or transaction id", EditorKind.Text, "context", "invoiceOrTransactionId"),
        ["context.amount"] = new("Amount", EditorKind.Number, "context", "amount"),
        ["context.affectedAccounts"] = new("Affected accounts (comma-separated)", EditorKind.List, "context", "affectedAccounts"),
        ["context.observed"] = new("What was observed", EditorKind.Multiline, "context", "observed"),
        ["context.detectedAt"] = new("Detected at", EditorKind.DateTime, "context", "detectedAt"),
        ["context.counterpartyOrDocument"] = new("Counterparty or document", EditorKind.Text, "context", "counterpartyOrDocument"),
        ["urgency.deadline"] = new("Deadline", EditorKind.DateTime, "urgency", "deadline"),
    };

    /// <summary>The fact the form asks for an item by, and its editor; null when the form asks for it elsewhere (the
    /// impact scope has its own field) or has no editor for any of its facts.</summary>
    public static (string Fact, ChecklistEditor Editor)? For(ChecklistItemInfo item) =>
        AskedElsewhere(item) ? null
        : item.AnyOf.FirstOrDefault(ByFact.ContainsKey) is { } fact ? (fact, ByFact[fact])
        : null;

    /// <summary>Items asked for elsewhere on the form (the impact scope has its own field).</summary>
    public static bool AskedElsewhere(ChecklistItemInfo item) => item.AnyOf.Contains("impact.scope");

    /// <summary>Puts each understood answer (by fact) where the API takes it: into <paramref name="context"/> or
    /// <paramref name="urgency"/> (an error message is a list of one).</summary>
    public static void Apply(IReadOnlyDictionary<string, string?> answers, TimeZoneInfo zone, Dictionary<string, object?> context,
        Dictionary<string, object?> urgency)
    {
        foreach (var (fact, text) in answers)
        {
            if (ByFact.TryGetValue(fact, out var editor) && editor.Value(text, zone) is { } value)
            {
                var section = editor.Section == "urgency" ? urgency : context;
                section[editor.Field] = editor.Field == "errorMessages" ? new[] { (string)value } : value;
            }
        }
    }
}
