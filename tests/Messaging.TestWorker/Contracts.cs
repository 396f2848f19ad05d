namespace Messaging.TestWorker;

/// <summary>Work for the worker: one effect, and a <see cref="WorkDone"/> for downstream. While no fix is
/// recorded for it, work marked <see cref="FailUntilFixed"/> throws.</summary>
public sealed record DoWork(Guid WorkId, bool FailUntilFixed = false);

public sealed record WorkDone(Guid WorkId);

public sealed record IncrementCounter(Guid CounterId, int Step);

public sealed record TimerFired(Guid TimerId);
