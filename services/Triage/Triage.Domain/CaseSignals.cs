using System.Globalization;

namespace Triage.Domain;

/// <summary>Insights' word that a customer escalates repeatedly: how many escalations within how many days, as of the
/// newest.</summary>
public sealed record RepeatCustomerFlag(string CustomerName, int Escalations, int WindowDays, DateTimeOffset At);

/// <summary>Facts triage adds to an assessment that are not severity rules: they inform the people on the case and never
/// change its severity (SPEC section 8: a repeat-escalating customer is shown, not escalated harder).</summary>
public static class CaseSignals
{
    public static IReadOnlyList<string> Of(RepeatCustomerFlag? flag, DateTimeOffset now) =>
        flag is not null && now - flag.At <= TimeSpan.FromDays(flag.WindowDays)
            ? [string.Create(CultureInfo.InvariantCulture,
                $"{flag.CustomerName} escalates repeatedly: {flag.Escalations} escalations within {flag.WindowDays} days (the newest on {flag.At:yyyy-MM-dd})")]
            : [];
}
