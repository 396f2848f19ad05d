using EscalationPlatform.Web.Tenancy;

namespace Web.UnitTests;

public sealed class NonceLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(60);

    private readonly NonceLedger _ledger = new(Retention);

    [Fact]
    public void A_nonce_is_taken_the_first_time_only()
    {
        Assert.True(_ledger.TryRemember("a", Now));
        Assert.False(_ledger.TryRemember("a", Now));
        Assert.False(_ledger.TryRemember("a", Now + Retention));
        Assert.True(_ledger.TryRemember("b", Now));
    }

    [Fact]
    public void A_nonce_is_forgotten_after_its_retention()
    {
        Assert.True(_ledger.TryRemember("a", Now));

        Assert.True(_ledger.TryRemember("a", Now + Retention + TimeSpan.FromTicks(1)));
        Assert.False(_ledger.TryRemember("a", Now + Retention + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Expired_nonces_are_swept_as_the_ledger_grows()
    {
        for (var i = 1; i < NonceLedger.SweepEvery; i++)
        {
            Assert.True(_ledger.TryRemember($"old-{i}", Now));
        }

        Assert.Equal(NonceLedger.SweepEvery - 1, _ledger.Count);
        Assert.True(_ledger.TryRemember("fresh", Now + Retention + TimeSpan.FromSeconds(1)));

        Assert.Equal(1, _ledger.Count);
    }

    [Fact]
    public void A_sweep_keeps_what_is_still_remembered()
    {
        for (var i = 1; i < NonceLedger.SweepEvery; i++)
        {
            Assert.True(_ledger.TryRemember($"recent-{i}", Now));
        }

        Assert.True(_ledger.TryRemember("last", Now + Retention));

        Assert.Equal(NonceLedger.SweepEvery, _ledger.Count);
        Assert.False(_ledger.TryRemember("recent-1", Now + Retention));
    }

    [Fact]
    public async Task Of_concurrent_copies_exactly_one_is_taken()
    {
        var taken = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => _ledger.TryRemember("same", Now))));

        Assert.Single(taken, true);
    }
}
