using EscalationPlatform.Messaging;
using EscalationPlatform.Messaging.Inbox;

namespace Messaging.UnitTests;

public sealed class MessagingOptionsTests
{
    [Fact]
    public void Retries_are_immediate_first_then_double_from_100_ms()
    {
        var intervals = MessagingExtensions.RetryIntervals(new MessagingOptions { ImmediateRetries = 2, ExponentialRetries = 4 });

        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)],
            intervals);
    }

    [Fact]
    public void Redelivery_is_read_from_a_comma_separated_list_and_can_be_turned_off()
    {
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)], new MessagingOptions().RedeliveryIntervals());
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)], new MessagingOptions { Redelivery = " 00:00:01 , 00:00:30 " }.RedeliveryIntervals());
        Assert.Empty(new MessagingOptions { Redelivery = "" }.RedeliveryIntervals());
    }

    [Theory]
    [InlineData("rabbitmq://localhost:5672/counter-state", "counter-state")]
    [InlineData("rabbitmq://localhost:5672/tenant-a/work", "work")]
    [InlineData("rabbitmq://localhost/work/", "work")]
    public void The_inbox_identifies_an_endpoint_by_its_queue_name(string inputAddress, string expected) =>
        Assert.Equal(expected, TransactionalConsumeFilter<object>.EndpointName(new Uri(inputAddress)));
}
