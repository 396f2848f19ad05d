using System.Diagnostics;
using EscalationPlatform.Messaging.Outbox;

namespace Messaging.UnitTests;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task A_raise_before_the_wait_wakes_it_at_once()
    {
        var signal = new OutboxSignal();
        signal.Raise();

        var stopwatch = Stopwatch.StartNew();
        var raised = await signal.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(raised);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Several_raises_count_as_one()
    {
        var signal = new OutboxSignal();
        signal.Raise();
        signal.Raise();
        signal.Raise();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_wait_with_a_past_due_time_returns_without_blocking()
    {
        var signal = new OutboxSignal();

        var stopwatch = Stopwatch.StartNew();
        var raised = await signal.WaitAsync(TimeSpan.FromSeconds(-3), TestContext.Current.CancellationToken);

        Assert.False(raised);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
    }
}
