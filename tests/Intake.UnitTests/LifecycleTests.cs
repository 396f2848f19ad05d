using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.UnitTests;

public sealed class LifecycleTests
{
    /// <summary>SPEC §3, written out: every transition the lifecycle allows. Everything else is illegal.</summary>
    private static readonly HashSet<(EscalationStatus, EscalationStatus)> Legal =
    [
        (Submitted, Triaged), (Submitted, NeedsInformation), (Submitted, Deflected), (Submitted, Cancelled),
        (NeedsInformation, Triaged), (NeedsInformation, Deflected), (NeedsInformation, Cancelled),
        (Deflected, Triaged),
        (Triaged, Assigned), (Triaged, Cancelled),
        (Assigned, Acknowledged), (Assigned, Cancelled),
        (Acknowledged, InProgress), (Acknowledged, Cancelled),
        (InProgress, WaitingOnCustomer), (InProgress, Resolved), (InProgress, Cancelled),
        (WaitingOnCustomer, InProgress), (WaitingOnCustomer, Cancelled),
        (Resolved, Closed), (Resolved, Reopened),
        (Closed, Reopened),
        (Reopened, InProgress), (Reopened, Cancelled),
    ];

    public static TheoryData<EscalationStatus, EscalationStatus> EveryPair()
    {
        var data = new TheoryData<EscalationStatus, EscalationStatus>();
        foreach (var from in Enum.GetValues<EscalationStatus>())
        {
            foreach (var to in Enum.GetValues<EscalationStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_transition_is_allowed_exactly_when_the_lifecycle_has_it(EscalationStatus from, EscalationStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), Lifecycle.CanMove(from, to));

    [Theory]
    [InlineData(Resolved)]
    [InlineData(Closed)]
    [InlineData(Cancelled)]
    [InlineData(Deflected)]
    public void Finished_escalations_are_not_open(EscalationStatus status) => Assert.False(Lifecycle.IsOpen(status));

    [Fact]
    public void Every_open_status_can_be_cancelled()
    {
        Assert.All(Enum.GetValues<EscalationStatus>().Where(Lifecycle.IsOpen), status => Assert.True(Lifecycle.CanMove(status, Cancelled)));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_table_rule_allows_exactly_the_tables_moves(EscalationStatus from, EscalationStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), Lifecycle.Allows(new StatusMove(from, to)));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_source_resolution_moves_any_open_escalation_to_resolved_and_nothing_else(EscalationStatus from, EscalationStatus to) =>
        Assert.Equal(to == Resolved && from is not (Resolved or Closed or Cancelled or Deflected),
            Lifecycle.Allows(new StatusMove(from, to, MoveRule.SourceResolution)));

    [Fact]
    public void The_finished_statuses_are_resolved_closed_cancelled_and_deflected()
    {
        Assert.Equal([Resolved, Closed, Cancelled, Deflected], Lifecycle.Finished);
        Assert.All(Enum.GetValues<EscalationStatus>(), status => Assert.Equal(!Lifecycle.Finished.Contains(status), Lifecycle.IsOpen(status)));
    }
}
