using EscalationPlatform.Contracts;
using Insights.Domain;
using static Insights.UnitTests.History;

namespace Insights.UnitTests;

/// <summary>Escalation timing quality (SPEC section 8): too early when the experts were not needed, too late when
/// frontline tried for long or most of the first-response target was gone before the case was handed in.</summary>
public sealed class TimingQualityTests
{
    private static readonly InsightSettings Settings = InsightSettings.Default;

    [Fact]
    public void A_case_returned_for_missing_facts_was_escalated_too_early()
    {
        var history = new History().Note(0, "submitted", ActorKind.Partner).Move(1, "needs-information", EscalationStatus.NeedsInformation)
            .Move(30, "triaged", EscalationStatus.Triaged);

        Assert.Equal([TimingQuality.ReturnedForFacts], CaseSummaries.Summarise(history.Record, history.Entries, Settings).TooEarly);
    }

    [Fact]
    public void A_deflected_case_was_escalated_too_early()
    {
        var history = new History().Move(1, "deflected", EscalationStatus.Deflected);

        var summary = CaseSummaries.Summarise(history.Record, history.Entries, Settings);

        Assert.Equal([TimingQuality.Deflected], summary.TooEarly);
        Assert.False(summary.Open);
    }

    [Fact]
    public void A_contested_deflection_does_not_count_against_the_frontline()
    {
        var history = new History().Move(1, "deflected", EscalationStatus.Deflected).Move(20, "deflection-contested", EscalationStatus.Triaged, ActorKind.Person);

        Assert.Empty(CaseSummaries.Summarise(history.Record, history.Entries, Settings).TooEarly);
    }

    [Fact]
    public void Resolved_with_the_workaround_frontline_already_knew_of_was_too_early()
    {
        var known = Offered().Move(30, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .With(record => record with { Resolution = "workaround", WorkaroundAvailable = true });
        var newWorkaround = Offered().Move(30, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .With(record => record with { Resolution = "workaround", WorkaroundAvailable = false });
        var fixedIt = Offered().Move(30, "resolved", EscalationStatus.Resolved, ActorKind.Person)
            .With(record => record with { Resolution = "fix", WorkaroundAvailable = true });

        Assert.Equal([TimingQuality.KnownWorkaround], TimingQuality.TooEarly(known.Record, known.Entries));
        Assert.Empty(TimingQuality.TooEarly(newWorkaround.Record, newWorkaround.Entries));
        Assert.Empty(TimingQuality.TooEarly(fixedIt.Record, fixedIt.Entries));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Many_frontline_attempts_before_handing_in_is_too_late(int actions, bool late)
    {
        var record = new History().Record with { ActionsTaken = actions };

        Assert.Equal(late, TimingQuality.TooLate(record, null, Settings).Contains(TimingQuality.ManyAttempts));
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Handing_in_after_half_the_first_response_target_had_gone_since_first_seen_is_too_late(int minutesSinceSeen, bool late)
    {
        var record = new History().Record with { FirstSeenAt = Start.AddMinutes(-minutesSinceSeen) };

        Assert.Equal(late, TimingQuality.TooLate(record, TimeSpan.FromMinutes(60), Settings).Contains(TimingQuality.SlaMostlyGone));
    }

    [Fact]
    public void Without_a_first_seen_time_or_a_target_the_sla_share_is_not_judged()
    {
        var record = new History().Record with { FirstSeenAt = Start.AddDays(-3) };

        Assert.Empty(TimingQuality.TooLate(record, null, Settings));
        Assert.Empty(TimingQuality.TooLate(new History().Record, TimeSpan.FromMinutes(60), Settings));
    }

    [Fact]
    public void The_thresholds_are_the_tenant_s()
    {
        var record = new History().Record with { ActionsTaken = 2, FirstSeenAt = Start.AddMinutes(-10) };

        Assert.Equal([TimingQuality.ManyAttempts, TimingQuality.SlaMostlyGone],
            TimingQuality.TooLate(record, TimeSpan.FromMinutes(60), Settings with { TooLateActions = 2, TooLatePercent = 10 }));
    }
}
