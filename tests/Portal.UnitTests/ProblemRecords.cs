using System.Text.Json;

namespace Portal.UnitTests;

/// <summary>Problem records as triage's JSON carries them (GET /api/v1/triage/problems/{id}).</summary>
internal static class ProblemRecords
{
    public static readonly Guid Id = Guid.Parse("0193a7f0-5c1e-7d2a-9b4f-2e8c1d3a5b60");

    public static string Path => $"/api/v1/triage/problems/{Id}";

    /// <summary>The statuses each status may move to, as triage's lifecycle allows.</summary>
    public static string[] Next(string status) => status switch
    {
        "open" => ["investigating", "known-error", "fixed", "closed"],
        "investigating" => ["known-error", "fixed", "closed"],
        "known-error" => ["investigating", "fixed", "closed"],
        "fixed" => ["investigating", "closed"],
        _ => ["investigating"],
    };

    public static string Json(string status = "open", string? fixedIn = null) => JsonSerializer.Serialize(new
    {
        id = Id,
        title = "Repeated error: Export 4001 failed: worker pool exhausted after 31s",
        shared = "the error message \"Export 4001 failed: worker pool exhausted after 31s\"",
        kind = "error-signature",
        status,
        fixedIn,
        productArea = "exports",
        release = "5.4.0",
        firstSeenAt = CaseRecords.Now.AddMinutes(-50),
        raisedAt = CaseRecords.Now.AddMinutes(-45),
        updatedAt = CaseRecords.Now.AddMinutes(-10),
        next = Next(status),
        cases = Enumerable.Range(1, 5).Select(n => new
        {
            escalationId = Guid.Parse($"6d1f8a52-7a0e-4a4f-9a51-3c2f0d8e9b1{n}"), key = $"ESC-10{n}", title = $"Export {n} fails", submittedAt = CaseRecords.Now.AddMinutes(-50 + n),
        }),
        changes = new[]
        {
            new
            {
                id = Guid.Parse("0193a7f0-0000-7000-8000-000000000001"), kind = "deployment", summary = "Deployed the export workers 5.4.0", source = "ci", productArea = "exports",
                release = "5.4.0", at = CaseRecords.Now.AddMinutes(-60), link = "https://ci.example/builds/540", via = "api",
            },
        },
        history = new[]
        {
            new { at = CaseRecords.Now.AddMinutes(-45), status = "open", by = "triage", note = (string?)"5 escalations share the error message", customersTold = false },
        },
    });
}
