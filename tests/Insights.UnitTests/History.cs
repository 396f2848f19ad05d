using EscalationPlatform.Contracts;

namespace Insights.UnitTests;

/// <summary>Hand-built escalation histories: a record and its timeline, minute by minute from 09:00 on 1 December 2026.</summary>
public sealed class History
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Owner = new(ActorKind.Person, "ana", "Ana");
    public static readonly TeamRef Payments = new("payments", "Payments");
    public static readonly TeamRef Platform = new("platform", "Platform");

    private readonly List<HistoryEntry> _entries = [];

    public EscalationSnapshot Record { get; private set; } = new()
    {
        Key = "ESC-000001",
        Title = "Checkout fails",
        Status = EscalationStatus.Submitted,
        Severity = Severity.S2,
        IssueType = IssueType.Technical,
        CustomerId = "acme",
        CustomerName = "Acme",
        CustomerTier = CustomerTier.Premium,
        Source = "portal",
        SubmittedBy = "frontline-1",
        SubmittedAt = Start,
    };

    public IReadOnlyList<HistoryEntry> Entries => _entries;

    public static DateTimeOffset At(double minutes) => Start.AddMinutes(minutes);

    public History With(Func<EscalationSnapshot, EscalationSnapshot> change)
    {
        Record = change(Record);
        return this;
    }

    /// <summary>A status move at minute <paramref name="minutes"/>, by a service unless an actor is given.</summary>
    public History Move(double minutes, string what, EscalationStatus to, ActorKind by = ActorKind.Service, TeamRef? team = null)
    {
        _entries.Add(new HistoryEntry(At(minutes), what, by, by == ActorKind.Person ? Owner.Id : "routing", Record.Status, to, team?.Id, team?.Name));
        Record = Record with { Status = to };
        return this;
    }

    public History Note(double minutes, string what, ActorKind by = ActorKind.Person, TeamRef? team = null)
    {
        _entries.Add(new HistoryEntry(At(minutes), what, by, by == ActorKind.Person ? Owner.Id : "routing", TeamId: team?.Id, TeamName: team?.Name));
        return this;
    }

    /// <summary>Submitted at 0, triaged at 1, offered at 2 (to Payments).</summary>
    public static History Offered() => new History()
        .Note(0, "submitted", ActorKind.Partner)
        .Move(1, "triaged", EscalationStatus.Triaged)
        .Move(2, "offered", EscalationStatus.Assigned, team: Payments)
        .With(record => record with { Team = Payments });

    public static SlaClock Clock(ClockKind kind, ClockState state, double dueMinute, double targetMinutes, double? metMinute = null, double? breachedMinute = null) =>
        new(kind, state, At(1), At(dueMinute), TimeSpan.FromMinutes(targetMinutes), metMinute is { } met ? At(met) : null,
            breachedMinute is { } breached ? At(breached) : null, CalendarKind.AlwaysOpen);
}
