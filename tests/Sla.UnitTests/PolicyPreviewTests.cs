using EscalationPlatform.Contracts;
using Sla.Domain;

namespace Sla.UnitTests;

public sealed class PolicyPreviewTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly SlaPolicy Current = DefaultPolicy.Create();

    private static SlaPolicy WithS2FirstResponse(TimeSpan target) => Current with
    {
        Targets = Current.Targets.ToDictionary(pair => pair.Key, pair => pair.Key == Severity.S2
            ? pair.Value with { FirstResponse = pair.Value.FirstResponse with { Duration = target } }
            : pair.Value),
    };

    private static ClockedCase Case(string key, Severity severity, params ClockEvent[] events) =>
        new(Guid.NewGuid(), key, $"Case {key}", severity, CustomerTier.Standard, "UTC", [new CaseOpened(Opened), .. events]);

    [Fact]
    public void A_stricter_S2_target_moves_the_open_S2_cases_and_says_which_would_breach_now()
    {
        var cases = new[] { Case("ESC-1", Severity.S2), Case("ESC-2", Severity.S2, new FirstResponded(Opened.AddMinutes(5))), Case("ESC-3", Severity.S3) };

        var preview = PolicyPreview.Compare(Current, WithS2FirstResponse(TimeSpan.FromMinutes(20)), cases, Opened.AddMinutes(30));

        Assert.Equal((3, 1, 1, 0), (preview.Cases, preview.Moved, preview.WouldBreach, preview.WouldStopBreaching));
        var moved = Assert.Single(preview.Changed);
        Assert.Equal("ESC-1", moved.Key);
        Assert.Equal(new ClockMove(ClockKind.FirstResponse, Opened.AddHours(1), Opened.AddMinutes(20), false, true),
            moved.Clocks.Single(clock => clock.Clock == ClockKind.FirstResponse));
    }

    [Fact]
    public void A_looser_target_stops_a_breach()
    {
        var preview = PolicyPreview.Compare(Current, WithS2FirstResponse(TimeSpan.FromHours(3)), [Case("ESC-1", Severity.S2)], Opened.AddHours(1.5));

        Assert.Equal((1, 1, 0, 1), (preview.Cases, preview.Moved, preview.WouldBreach, preview.WouldStopBreaching));
    }

    [Fact]
    public void The_same_policy_changes_nothing()
    {
        var preview = PolicyPreview.Compare(Current, Current, [Case("ESC-1", Severity.S1), Case("ESC-2", Severity.S4)], Opened.AddMinutes(10));

        Assert.Equal((2, 0), (preview.Cases, preview.Moved));
        Assert.Empty(preview.Changed);
    }
}
