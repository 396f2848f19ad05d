namespace Sla.Domain;

/// <summary>Which instants count towards an SLA target.</summary>
public interface IWorkingCalendar
{
    /// <summary>How much working time lies between two instants (zero if <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="from"/>.</summary>
    DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount);
}

/// <summary>Every instant counts (24x7).</summary>
public sealed class AlwaysOpenCalendar : IWorkingCalendar
{
    public static readonly AlwaysOpenCalendar Instance = new();

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;

    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount) => from + amount;
}
