using Triage.Domain;

namespace Triage.UnitTests;

/// <summary>Insights' word that a customer escalates repeatedly is shown on the customer's new cases while it is
/// current, and never as a severity rule.</summary>
public sealed class CaseSignalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_current_flag_is_a_signal_in_words()
    {
        var signal = Assert.Single(CaseSignals.Of(new RepeatCustomerFlag("Acme", 3, 30, Now.AddDays(-2)), Now));

        Assert.Equal("Acme escalates repeatedly: 3 escalations within 30 days (the newest on 2026-11-29)", signal);
    }

    [Fact]
    public void A_flag_older_than_its_window_or_none_gives_no_signal()
    {
        Assert.Empty(CaseSignals.Of(new RepeatCustomerFlag("Acme", 3, 30, Now.AddDays(-31)), Now));
        Assert.Empty(CaseSignals.Of(null, Now));
    }
}
