namespace Sla.Domain;

/// <summary>What happened to a case, as far as its clocks are concerned. Clock state is derived from this
/// history alone, so a changed policy or calendar can be replayed over it.</summary>
public abstract record ClockEvent(DateTimeOffset At);

/// <summary>The case was submitted: every clock counts from here.</summary>
public sealed record CaseOpened(DateTimeOffset At) : ClockEvent(At);

/// <summary>The owner acknowledged: the first response is given.</summary>
public sealed record FirstResponded(DateTimeOffset At) : ClockEvent(At);

/// <summary>A public update went to the customer: it counts as a first response, and the update cadence starts over.</summary>
public sealed record CustomerUpdated(DateTimeOffset At) : ClockEvent(At);

/// <summary>Waiting on the customer: resolution and the update cadence stop counting.</summary>
public sealed record Paused(DateTimeOffset At) : ClockEvent(At);

/// <summary>The customer replied: counting continues.</summary>
public sealed record Resumed(DateTimeOffset At) : ClockEvent(At);

public sealed record Resolved(DateTimeOffset At) : ClockEvent(At);

/// <summary>Resolution and the update cadence count again, from where they stopped.</summary>
public sealed record Reopened(DateTimeOffset At) : ClockEvent(At);

/// <summary>Closed or cancelled: nothing counts any more.</summary>
public sealed record Ended(DateTimeOffset At) : ClockEvent(At);
