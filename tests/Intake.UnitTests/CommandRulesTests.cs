using EscalationPlatform.Contracts;
using Intake.Domain;
using static EscalationPlatform.Contracts.EscalationStatus;

namespace Intake.UnitTests;

public sealed class CommandRulesTests
{
    /// <summary>Each command, in each status where it is allowed, and where it leads (null: stays).</summary>
    private static readonly Dictionary<Command, Dictionary<EscalationStatus, EscalationStatus?>> Allowed = new()
    {
        [Command.Acknowledge] = new() { [Assigned] = Acknowledged },
        [Command.AddContext] = new()
        {
            [Submitted] = null, [NeedsInformation] = null, [Triaged] = null, [Assigned] = null, [Acknowledged] = null,
            [InProgress] = null, [WaitingOnCustomer] = null, [Reopened] = null,
        },
        [Command.RecordAction] = new() { [Acknowledged] = InProgress, [InProgress] = null, [WaitingOnCustomer] = null, [Reopened] = InProgress },
        [Command.PostCustomerUpdate] = new() { [Acknowledged] = InProgress, [InProgress] = null, [WaitingOnCustomer] = null, [Reopened] = InProgress },
        [Command.WaitOnCustomer] = new() { [InProgress] = WaitingOnCustomer },
        [Command.Resume] = new() { [WaitingOnCustomer] = InProgress },
        [Command.Resolve] = new() { [InProgress] = Resolved },
        [Command.ConfirmClosure] = new() { [Resolved] = Closed },
        [Command.Reopen] = new() { [Resolved] = Reopened, [Closed] = Reopened },
        [Command.Cancel] = new()
        {
            [Submitted] = Cancelled, [NeedsInformation] = Cancelled, [Triaged] = Cancelled, [Assigned] = Cancelled,
            [Acknowledged] = Cancelled, [InProgress] = Cancelled, [WaitingOnCustomer] = Cancelled, [Reopened] = Cancelled,
        },
        [Command.Contest] = new() { [Deflected] = Triaged },
        [Command.ChangeSeverity] = new() { [Triaged] = null, [Assigned] = null, [Acknowledged] = null, [InProgress] = null, [WaitingOnCustomer] = null, [Reopened] = null },
    };

    public static TheoryData<Command, EscalationStatus> EveryCommandInEveryStatus()
    {
        var data = new TheoryData<Command, EscalationStatus>();
        foreach (var command in Enum.GetValues<Command>())
        {
            foreach (var status in Enum.GetValues<EscalationStatus>())
            {
                data.Add(command, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandInEveryStatus))]
    public void A_command_is_allowed_only_where_the_lifecycle_permits_and_leads_where_it_should(Command command, EscalationStatus status)
    {
        var decision = CommandRules.Decide(command, status);

        if (Allowed[command].TryGetValue(status, out var movesTo))
        {
            Assert.True(decision.Allowed);
            Assert.Equal(movesTo, decision.MovesTo);
        }
        else
        {
            Assert.False(decision.Allowed);
            Assert.False(string.IsNullOrWhiteSpace(decision.Refusal));
        }
    }

    [Fact]
    public void Every_move_a_command_makes_is_a_legal_transition()
    {
        foreach (var (command, statuses) in Allowed)
        {
            foreach (var (from, to) in statuses.Where(pair => pair.Value is not null))
            {
                Assert.True(Lifecycle.CanMove(from, to!.Value), $"{command} moves {from} to {to}");
            }
        }
    }

    [Theory]
    [InlineData(Severity.S1)]
    [InlineData(Severity.S2)]
    public void Resolving_an_S1_or_S2_needs_a_root_cause(Severity severity)
    {
        var errors = ResolutionRules.Validate(severity, ResolutionKind.Fix, "Rolled back the release", rootCause: null);

        Assert.Contains("required", Assert.Single(errors["rootCause"]));
    }

    [Theory]
    [InlineData(Severity.S3)]
    [InlineData(Severity.S4)]
    public void Resolving_an_S3_or_S4_does_not_need_a_root_cause(Severity severity) =>
        Assert.Empty(ResolutionRules.Validate(severity, ResolutionKind.Workaround, "Use the CSV export", rootCause: null));

    [Fact]
    public void A_resolution_needs_its_kind_and_a_summary()
    {
        var errors = ResolutionRules.Validate(Severity.S3, kind: null, summary: " ", rootCause: null);

        Assert.Equal(["kind", "summary"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(1, "ESC-000001")]
    [InlineData(123, "ESC-000123")]
    [InlineData(1234567, "ESC-1234567")]
    public void Keys_are_numbered_with_at_least_six_digits(long number, string key) => Assert.Equal(key, EscalationKey.Format(number));
}
