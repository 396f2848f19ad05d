using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

public sealed class CaseAccessTests
{
    private static readonly CaseParties Parties = new(
        OwnerId: "u-owner", OfferedToId: "u-offeree", TeamLeadId: "u-lead", SubmittedById: "key:k1", CustomerId: "cust-1");

    /// <summary>Who asks, by the part they play in <see cref="Parties"/>.</summary>
    private static readonly Dictionary<string, Caller> Callers = new()
    {
        ["owner"] = new(Who("u-owner"), IsManager: false),
        ["offeree"] = new(Who("u-offeree"), IsManager: false),
        ["team lead"] = new(Who("u-lead"), IsManager: false),
        ["submitter"] = new(Who("key:k1"), IsManager: false, BoundCustomerId: "cust-1"),
        ["manager"] = new(Who("u-manager"), IsManager: true),
        ["stranger"] = new(Who("u-stranger"), IsManager: false),
        ["another key of the customer"] = new(Who("key:k2"), IsManager: false, BoundCustomerId: "cust-1"),
    };

    private static readonly string[] Works = ["owner", "offeree", "team lead", "manager"];

    /// <summary>The documented answer: who may run each command on the case.</summary>
    private static readonly Dictionary<Command, string[]> MayRun = new()
    {
        [Command.Acknowledge] = ["offeree"],
        [Command.RecordAction] = Works,
        [Command.PostCustomerUpdate] = Works,
        [Command.WaitOnCustomer] = Works,
        [Command.Resume] = Works,
        [Command.Resolve] = Works,
        [Command.AddContext] = [.. Works, "submitter"],
        [Command.Cancel] = [.. Works, "submitter"],
        [Command.ConfirmClosure] = [.. Works, "submitter"],
        [Command.Reopen] = [.. Works, "submitter"],
        [Command.Contest] = [.. Works, "submitter"],
        [Command.ChangeSeverity] = ["owner", "team lead", "manager"],
    };

    public static TheoryData<Command, string, bool> EveryCommandForEveryParty()
    {
        var data = new TheoryData<Command, string, bool>();
        foreach (var (command, allowed) in MayRun)
        {
            foreach (var party in Callers.Keys)
            {
                data.Add(command, party, allowed.Contains(party));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandForEveryParty))]
    public void Every_command_is_open_to_exactly_the_parties_documented(Command command, string party, bool allowed)
    {
        var refusal = CaseAccess.Refusal(command, Parties, Callers[party]);

        Assert.Equal(allowed, refusal is null);
        Assert.True(allowed || refusal!.Length > 0);
    }

    [Fact]
    public void Every_command_has_a_documented_answer() =>
        Assert.Equal(Enum.GetValues<Command>().Order(), MayRun.Keys.Order());

    [Fact]
    public void A_command_out_of_range_is_an_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseAccess.Refusal((Command)999, Parties, Callers["manager"]));

    [Theory]
    [InlineData(Command.Acknowledge)]
    [InlineData(Command.Resolve)]
    [InlineData(Command.Cancel)]
    public void A_case_nobody_works_yet_is_open_to_managers_only_for_the_owners_work(Command command)
    {
        var unassigned = Parties with { OwnerId = null, OfferedToId = null, TeamLeadId = null };

        Assert.Equal(command != Command.Acknowledge, CaseAccess.Refusal(command, unassigned, Callers["manager"]) is null);
        Assert.NotNull(CaseAccess.Refusal(command, unassigned, Callers["owner"]));
        Assert.NotNull(CaseAccess.Refusal(command, unassigned, Callers["stranger"]));
    }

    [Fact]
    public void The_refusal_to_acknowledge_names_who_it_is_offered_to()
    {
        Assert.Contains("'u-offeree'", CaseAccess.Refusal(Command.Acknowledge, Parties, Callers["owner"]));
        Assert.Contains("'nobody yet'", CaseAccess.Refusal(Command.Acknowledge, Parties with { OfferedToId = null }, Callers["owner"]));
    }

    [Theory]
    [InlineData(null, "cust-1", true)]
    [InlineData(null, "cust-2", true)]
    [InlineData("cust-1", "cust-1", true)]
    [InlineData("cust-2", "cust-1", false)]
    [InlineData("CUST-1", "cust-1", false)]
    [InlineData("", "cust-1", false)]
    public void A_credential_bound_to_a_customer_sees_only_that_customers_cases(string? bound, string caseCustomer, bool sees) =>
        Assert.Equal(sees, CaseAccess.CanSee(new Caller(Who("key:k9"), IsManager: false, bound), caseCustomer));

    [Fact]
    public void A_credential_bound_to_another_customer_does_not_see_the_case_whatever_part_its_id_plays()
    {
        foreach (var party in Callers.Values)
        {
            Assert.False(CaseAccess.CanSee(party with { BoundCustomerId = "cust-2" }, Parties.CustomerId));
        }
    }

    [Theory]
    [InlineData(Severity.S1, false)]
    [InlineData(Severity.S2, false)]
    [InlineData(Severity.S3, true)]
    [InlineData(Severity.S4, true)]
    [InlineData(null, true)]
    public void A_monitoring_source_resolves_what_it_raised_unless_the_severity_needs_a_root_cause(Severity? severity, bool mayResolve) =>
        Assert.Equal(mayResolve, ResolutionRules.SourceMayResolve(severity));

    private static Actor Who(string id) => new(id.StartsWith("key:", StringComparison.Ordinal) ? ActorKind.Partner : ActorKind.Person, id, id);
}
