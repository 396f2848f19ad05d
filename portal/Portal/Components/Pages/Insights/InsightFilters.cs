using System.Globalization;

namespace EscalationPlatform.Portal.Components.Pages.Insights;

/// <summary>The dashboard's filters as the insights API takes them (and as the cases page passes them on): the last
/// <see cref="Days"/> days, and optionally a team, issue type, severity, tier or customer.</summary>
public sealed record InsightFilters(int Days = 30, string? Team = null, string? IssueType = null, string? Severity = null, string? Tier = null,
    string? Customer = null)
{
    public static readonly int[] DayChoices = [1, 7, 30, 90, 365];

    /// <summary>The query string, with the range ending at <paramref name="now"/>.</summary>
    public string Query(DateTimeOffset now)
    {
        var parts = new List<string>
        {
            $"from={Uri.EscapeDataString(now.AddDays(-Days).ToString("O", CultureInfo.InvariantCulture))}",
            $"to={Uri.EscapeDataString(now.ToString("O", CultureInfo.InvariantCulture))}",
        };
        foreach (var (name, value) in new[] { ("team", Team), ("issueType", IssueType), ("severity", Severity), ("tier", Tier), ("customer", Customer) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        return string.Join("&", parts);
    }

    /// <summary>The portal's page of the cases behind a number.</summary>
    public string CasesLink(string metric, DateTimeOffset now, string? extra = null) =>
        $"/insights/cases?metric={Uri.EscapeDataString(metric)}&{Query(now)}{(extra is null ? "" : "&" + extra)}";

    public static string Duration(double? seconds) => seconds switch
    {
        null => "-",
        < 90 => $"{seconds:0} s",
        < 90 * 60 => $"{seconds / 60:0} min",
        < 48 * 3600 => $"{seconds / 3600:0.#} h",
        _ => $"{seconds / 86400:0.#} d",
    };

    public static string Percent(double? share) => share is { } value ? value.ToString("P0", CultureInfo.InvariantCulture) : "-";
}
