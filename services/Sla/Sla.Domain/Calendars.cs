using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>A named calendar of an SLA policy: 24x7, or business hours in a time zone ("customer", "team", or a fixed
/// one such as Europe/Dublin) closed on its holidays and on those of the calendars it takes holidays from.</summary>
public sealed record CalendarDefinition(
    string Id, string Name, CalendarKind Kind, string TimeZone, BusinessHours Hours, IReadOnlySet<DateOnly> Holidays, IReadOnlyList<string> HolidaysFrom)
{
    /// <summary>The zone of the escalation's customer.</summary>
    public const string CustomerZone = "customer";

    /// <summary>The zone of the team the escalation is offered to (the customer's until it has one).</summary>
    public const string TeamZone = "team";

    public static CalendarDefinition AlwaysOpen(string id, string name) =>
        new(id, name, CalendarKind.AlwaysOpen, CustomerZone, new BusinessHours(new Dictionary<DayOfWeek, (TimeOnly, TimeOnly)>()), new HashSet<DateOnly>(), []);
}

/// <summary>The time zones a calendar may count in for one escalation: its customer's, and its team's once known.</summary>
public sealed record ClockZones(string Customer, string? Team = null)
{
    /// <summary>A customer's zone alone (an escalation not yet offered to a team).</summary>
    public static implicit operator ClockZones(string customerZone) => new(customerZone);

    public string Resolve(string zone) => zone switch
    {
        CalendarDefinition.CustomerZone => Customer,
        CalendarDefinition.TeamZone => Team ?? Customer,
        _ => zone,
    };
}
