using BenchmarkDotNet.Attributes;
using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Benchmarks.Micro;

/// <summary>SLA due times over a business-hours calendar (Europe/Berlin, 09:00-17:00 on weekdays, with holidays):
/// adding working time across a weekend and a holiday, and evaluating every clock of an S3 case with a pause in its
/// history, which is what sla does on each clock event.</summary>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    private static readonly DateTimeOffset Friday = new(2026, 12, 18, 15, 0, 0, TimeSpan.Zero);
    private static readonly SlaPolicy Default = DefaultPolicy.Create();
    private readonly SlaPolicy _policy = Default with
    {
        Calendars = [.. Default.Calendars.Select(calendar => calendar.Kind == CalendarKind.BusinessHours
            ? calendar with { Holidays = new HashSet<DateOnly> { new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 26), new(2027, 1, 1) } }
            : calendar)],
    };

    private BusinessHoursCalendar _calendar = null!;
    private ClockEvent[] _history = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = (BusinessHoursCalendar)_policy.Calendar(DefaultPolicy.BusinessHoursCalendar, "Europe/Berlin");
        _history =
        [
            new CaseOpened(Friday),
            new FirstResponded(Friday.AddMinutes(40)),
            new Paused(Friday.AddHours(1)),
            new Resumed(Friday.AddDays(3)),
            new CustomerUpdated(Friday.AddDays(3).AddHours(2)),
        ];
    }

    [Benchmark]
    public DateTimeOffset Due_in_3_business_days_over_a_weekend() => _calendar.AddWorkingTime(Friday, TimeSpan.FromHours(24));

    [Benchmark]
    public DateTimeOffset Due_in_10_business_days_over_christmas() => _calendar.AddWorkingTime(Friday, TimeSpan.FromHours(80));

    [Benchmark]
    public TimeSpan Working_time_in_a_fortnight() => _calendar.WorkingTimeBetween(Friday, Friday.AddDays(14));

    [Benchmark]
    public ClockReport Every_clock_of_a_paused_S3_case() =>
        ClockEngine.Evaluate(_history, _policy.For(Severity.S3, CustomerTier.Standard), _policy, "Europe/Berlin", Friday.AddDays(4));
}
