using EscalationPlatform.Messaging.Recovery;

namespace Messaging.UnitTests;

public sealed class FaultedEndpointsTests
{
    private static readonly Uri Orders = new("rabbitmq://localhost/orders");
    private static readonly Uri Billing = new("rabbitmq://localhost/billing");
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero);

    private readonly FaultedEndpoints<string> _faulted = new(TimeSpan.FromSeconds(2));

    [Fact]
    public void Nothing_faulted_means_nothing_to_restart()
    {
        Assert.False(_faulted.Any);
        Assert.Empty(_faulted.TakeDue(Start).Endpoints);
    }

    [Fact]
    public void Faulted_endpoints_are_restarted_with_how_long_the_broker_was_away_since_the_first_fault()
    {
        _faulted.Faulted(Orders, "orders", Start);
        _faulted.Faulted(Billing, "billing", Start.AddSeconds(1));
        _faulted.Faulted(Orders, "orders", Start.AddSeconds(4)); // the transport's own retry failing again

        var restarts = _faulted.TakeDue(Start.AddSeconds(11));

        Assert.True(_faulted.Any);
        Assert.Equal(["billing", "orders"], restarts.Endpoints.Order());
        Assert.Equal(TimeSpan.FromSeconds(11), restarts.BrokerAway);
    }

    [Fact]
    public void An_endpoint_ready_again_is_not_restarted()
    {
        _faulted.Faulted(Orders, "orders", Start);
        _faulted.Faulted(Billing, "billing", Start);
        _faulted.Ready(Orders);

        Assert.Equal(["billing"], _faulted.TakeDue(Start.AddSeconds(5)).Endpoints);
    }

    [Fact]
    public void An_endpoint_is_restarted_at_most_once_per_interval()
    {
        _faulted.Faulted(Orders, "orders", Start);
        Assert.Single(_faulted.TakeDue(Start.AddSeconds(5)).Endpoints);

        Assert.Empty(_faulted.TakeDue(Start.AddSeconds(6)).Endpoints);
        Assert.Single(_faulted.TakeDue(Start.AddSeconds(7)).Endpoints);
    }

    [Fact]
    public void The_next_outage_is_timed_from_its_own_first_fault()
    {
        _faulted.Faulted(Orders, "orders", Start);
        _faulted.TakeDue(Start.AddSeconds(5));
        _faulted.Ready(Orders);
        Assert.False(_faulted.Any);

        _faulted.Faulted(Orders, "orders", Start.AddMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(3), _faulted.TakeDue(Start.AddMinutes(10).AddSeconds(3)).BrokerAway);
    }
}
