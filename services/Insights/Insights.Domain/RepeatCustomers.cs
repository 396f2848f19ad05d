namespace Insights.Domain;

/// <summary>When a customer escalates repeatedly: at least the tenant's number of escalations within its window. The
/// flag is a fact for the people on the next case; it never raises a severity.</summary>
public static class RepeatCustomers
{
    public static bool Repeating(int escalationsInWindow, InsightSettings settings) => escalationsInWindow >= settings.RepeatEscalations;

    /// <summary>Announce when a new escalation takes the customer to the threshold, and again each time the count doubles
    /// (3, 6, 12, 24 ... for a threshold of 3): the word stays current while the announcements of a customer in a storm
    /// stay few (measured: at each multiple, a load of few customers announced one in three escalations).</summary>
    public static bool Announce(int escalationsInWindow, InsightSettings settings) =>
        escalationsInWindow >= settings.RepeatEscalations && escalationsInWindow % settings.RepeatEscalations == 0
        && int.IsPow2(escalationsInWindow / settings.RepeatEscalations);

    public static TimeSpan Window(InsightSettings settings) => TimeSpan.FromDays(settings.RepeatWindowDays);
}
