using EscalationPlatform.Messaging.Recovery;

namespace Messaging.UnitTests;

public sealed class BrokerRecoveryTests
{
    [Fact]
    public void A_recovery_cancels_the_current_token_and_leaves_a_fresh_one_for_the_next_outage()
    {
        var recovery = new BrokerRecovery();
        var outage = recovery.Recovered;

        recovery.Signal();

        Assert.True(outage.IsCancellationRequested);
        Assert.False(recovery.Recovered.IsCancellationRequested);
    }
}
