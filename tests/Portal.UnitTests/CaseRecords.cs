using System.Text.Json;

namespace Portal.UnitTests;

/// <summary>Escalation records as the gateway's JSON carries them (camelCase, kebab-case enum values, "S1").</summary>
internal static class CaseRecords
{
    public static readonly Guid Id = Guid.Parse("6d1f8a52-7a0e-4a4f-9a51-3c2f0d8e9b11");

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static string Path => $"/api/v1/escalations/{Id}";

    /// <summary>The resolution clock as sla counts it now: 1 h 30 min of 4 h gone, 20 min of it paused.</summary>
    public const string ClocksNow = """
        {"available":true,"breached":false,"clocks":[{"kind":"resolution","state":"running","targetSeconds":14400,"elapsedSeconds":5400,
         "percentElapsed":37,"pausedSeconds":1200,"calendar":"always-open"}]}
        """;

    public static string Json(string[] commands, string status = "in-progress", string severity = "S2", string title = "Exports fail for all users",
        string? unroutableReason = null, object[]? suggestions = null, object? deflection = null, object[]? laterSteps = null) =>
        JsonSerializer.Serialize(new
        {
            id = Id,
            key = "ESC-1042",
            status,
            source = "portal",
            title,
            description = "Since the 9am deploy.",
            severity,
            rules = new[] { new { id = "org-wide-outage", severity, description = "An outage for a whole organisation" } },
            matrixVersion = 7,
            unroutableReason,
            missingContext = Array.Empty<object>(),
            suggestions = suggestions ?? [],
            deflection,
            facts = new { issueType = "technical", productArea = "Exports", customer = new { id = "cust-acme", name = "Acme Corp", tier = "strategic", timeZone = "Europe/Berlin" } },
            team = new { id = "t-core", name = "Core" },
            owner = new { id = "u-7", name = "Ann Agent" },
            backup = (object?)null,
            offer = (object?)null,
            acknowledgedAt = Now.AddMinutes(-50),
            nextAction = new { what = "Post a customer update", who = "Ann Agent", dueAt = Now.AddMinutes(10) },
            nextCustomerUpdateDue = Now.AddMinutes(10),
            sla = new
            {
                breached = false,
                nextUpdateDue = Now.AddMinutes(10),
                announcedAt = (DateTimeOffset?)null,
                clocks = new[] { new { kind = "resolution", state = "running", startedAt = Now.AddHours(-1), dueAt = Now.AddHours(3), targetSeconds = 14400 } },
            },
            breached = false,
            resolution = (object?)null,
            autoCloseAt = (DateTimeOffset?)null,
            createdAt = Now.AddHours(-1),
            commands,
            timeline = new object[]
            {
                new { at = Now.AddHours(-1), actor = new { kind = "person", id = "u-7", name = "Ann Agent" }, what = "submitted", from = (string?)null, to = "submitted", detail = (string?)null, reason = (string?)null },
                new { at = Now.AddMinutes(-50), actor = new { kind = "person", id = "u-7", name = "Ann Agent" }, what = "acknowledged", from = (string?)"assigned", to = "acknowledged", detail = (string?)null, reason = (string?)null },
                new { at = Now.AddMinutes(-40), actor = new { kind = "person", id = "u-7", name = "Ann Agent" }, what = "customer-update-posted", from = (string?)"acknowledged", to = "in-progress", detail = (string?)"We are on it.", reason = (string?)null },
            }.Concat(laterSteps ?? []),
        });

    /// <summary>A step after those above, by <paramref name="name"/> (a later one of <see cref="Json"/>'s timeline).</summary>
    public static object Step(string what, string from, string to, string name, string? detail = null, string? reason = null) =>
        new { at = Now.AddMinutes(-5), actor = new { kind = "person", id = "u-9", name }, what, from, to, detail, reason };
}
