namespace Insights.Domain;

/// <summary>When a customer escalates repeatedly: at least the tenant's number of escalations within its window. The
/// flag is a fact for the people on the next case; it never raises a severity.</summary>
public static class RepeatCustomers
{
    public static bool Repeating(int escalationsInWindow, InsightSettings settings) => escalationsInWindow >= settings.RepeatEscalations;

    /// <summary>Announce when a new escalation takes the customer to the threshold, and again each time the count grows
    /// by the threshold once more (3, 6, 9 ... for a threshold of 3): often enough to stay current, rarely enough not to
    /// become noise.</summary>
    public static bool Announce(int escalationsInWindow, InsightSettings settings) =>
        escalationsInWindow >= settings.RepeatEscalations && escalationsInWindow % settings.RepeatEscalations == 0;

    public static TimeSpan Window(InsightSettings settings) => TimeSpan.FromDays(settings.RepeatWindowDays);
}
