using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>SPEC §7: at least five attempts with exponential backoff over at least twenty minutes, then dead.</summary>
public sealed class RetryScheduleTests
{
    [Fact]
    public void There_are_five_attempts() => Assert.Equal(5, RetrySchedule.MaxAttempts);

    [Fact]
    public void Each_failure_before_the_last_attempt_is_followed_by_a_longer_wait()
    {
        var delays = Enumerable.Range(1, RetrySchedule.MaxAttempts - 1).Select(failures => RetrySchedule.After(failures)!.Value).ToList();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)], delays);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First * 2, $"{pair.Second} after {pair.First}"));
    }

    [Fact]
    public void The_attempts_span_at_least_twenty_minutes()
    {
        var span = Enumerable.Range(1, RetrySchedule.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, failures) => sum + RetrySchedule.After(failures)!.Value);

        Assert.Equal(TimeSpan.FromMinutes(22.5), span);
        Assert.True(span >= TimeSpan.FromMinutes(20));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(50)]
    public void After_the_fifth_failure_the_delivery_is_dead(int failures) => Assert.Null(RetrySchedule.After(failures));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Before_any_failure_there_is_nothing_to_retry(int failures) => Assert.Null(RetrySchedule.After(failures));

    [Fact]
    public void The_scale_multiplies_every_delay_and_keeps_the_number_of_attempts()
    {
        for (var failures = 1; failures < RetrySchedule.MaxAttempts; failures++)
        {
            Assert.Equal(RetrySchedule.After(failures)!.Value * 0.01, RetrySchedule.After(failures, scale: 0.01));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(300), RetrySchedule.After(1, scale: 0.01));
        Assert.Null(RetrySchedule.After(RetrySchedule.MaxAttempts, scale: 0.01));
    }
}
