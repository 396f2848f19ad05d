using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>Who is told what (SPEC §7) under the default recipient rules, and how a tenant's own rules change it.</summary>
public sealed class RecipientPolicyTests
{
    private static readonly Guid Id = Guid.Parse("0194b4c4-6b2a-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private const string Owner = "owner@acme.example";
    private const string Backup = "backup@acme.example";
    private const string Lead = "lead@acme.example";
    private const string Leadership = "leadership@acme.example";
    private const string Customer = "it@customer.example";
    private const string AccountManager = "am@acme.example";
    private const string Channel = "https://hooks.slack.example/T1/B1/x";

    private static readonly NotificationRules Rules = NotificationRules.Default;

    private static readonly CaseContacts Everyone = new()
    {
        Owner = new Person("m1", "Owner", Owner),
        TeamLead = new Person("lead", "Lead", Lead),
        Leadership = [Leadership],
        AccountTeam = [AccountManager],
        TeamChannel = new TeamChannel("core", ChatKind.Slack, Channel),
        Customer = Customer,
    };

    private static NoticeCase Case(CustomerTier tier = CustomerTier.Standard) => new(null, tier);

    private static EscalationOffered Offer(Severity severity, OfferLevel level = OfferLevel.Owner, string offeree = Owner, int step = 0) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Severity = severity,
        Team = new TeamRef("core", "Core"),
        OfferedTo = new MemberRef("m1", "Owner", offeree),
        Owner = new MemberRef("m1", "Owner", offeree),
        Backup = new MemberRef("m2", "Backup", Backup),
        Level = level,
        RespondBy = Due,
        Reason = "round robin",
        At = At,
        Step = step,
        PreviouslyOfferedTo = step == 0 ? null : new MemberRef("m0", "Before", "before@acme.example"),
    };

    private static SlaThresholdReached Threshold(ThresholdKind threshold, Severity severity) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Clock = ClockKind.FirstResponse,
        Threshold = threshold,
        PercentElapsed = threshold == ThresholdKind.Breach ? 100 : 75,
        Severity = severity,
        DueAt = Due,
        ReachedAt = At,
    };

    private static (string, Audience)[] Told(IEnumerable<Notice> notices) => [.. notices.Select(notice => (notice.Recipient, notice.Audience))];

    [Fact]
    public void An_S1_for_a_strategic_customer_tells_owner_backup_team_channel_account_team_and_leadership()
    {
        var notices = RecipientPolicy.ForOffer(Offer(Severity.S1), Case(CustomerTier.Strategic), Everyone, Rules);

        Assert.Equal([(Owner, Audience.Owner), (Backup, Audience.Backup), (Channel, Audience.TeamChannel), (AccountManager, Audience.AccountTeam),
            (Leadership, Audience.Leadership)], Told(notices));
        Assert.All(notices, notice => Assert.Equal(NoticeEvent.Offered, notice.Event));
        Assert.Equal(NoticeChannel.Chat, notices.Single(notice => notice.Audience == Audience.TeamChannel).Channel);
        Assert.Equal("m1", notices[0].PersonId);
    }

    [Theory]
    [InlineData(CustomerTier.Standard, false)]
    [InlineData(CustomerTier.Premium, true)]
    [InlineData(CustomerTier.Strategic, true)]
    public void The_account_team_hears_of_premium_and_strategic_customers_only(CustomerTier tier, bool told) =>
        Assert.Equal(told, RecipientPolicy.ForOffer(Offer(Severity.S1), Case(tier), Everyone, Rules).Any(notice => notice.Audience == Audience.AccountTeam));

    [Theory]
    [InlineData(Severity.S3)]
    [InlineData(Severity.S4)]
    public void An_S3_or_S4_offer_tells_the_person_offered_it_only(Severity severity) =>
        Assert.Equal([(Owner, Audience.Owner)], Told(RecipientPolicy.ForOffer(Offer(severity), Case(CustomerTier.Strategic), Everyone, Rules)));

    [Fact]
    public void An_S2_offer_tells_the_backup_and_the_channel_but_not_leadership() =>
        Assert.Equal([(Owner, Audience.Owner), (Backup, Audience.Backup), (Channel, Audience.TeamChannel)],
            Told(RecipientPolicy.ForOffer(Offer(Severity.S2), Case(), Everyone, Rules)));

    [Fact]
    public void A_backup_the_case_is_offered_to_hears_of_it_once_as_the_person_who_must_act()
    {
        var notices = RecipientPolicy.ForOffer(Offer(Severity.S1, OfferLevel.Backup, offeree: Backup), Case(), Everyone, Rules);

        Assert.Single(notices, notice => notice.Recipient == Backup);
        Assert.Equal(Audience.Owner, notices.Single(notice => notice.Recipient == Backup).Audience);
    }

    [Fact]
    public void An_offer_moved_up_the_policy_tells_the_new_offeree_only_with_its_own_event_key()
    {
        var first = RecipientPolicy.ForOffer(Offer(Severity.S1), Case(), Everyone, Rules);
        var moved = RecipientPolicy.ForOffer(Offer(Severity.S1, OfferLevel.Backup, offeree: Backup, step: 1), Case(), Everyone, Rules);

        Assert.Equal([(Backup, Audience.Owner)], Told(moved));
        Assert.Equal(NoticeEvent.OfferMoved, moved[0].Event);
        Assert.NotEqual(first[0].EventKey, moved[0].EventKey);
    }

    [Fact]
    public void A_warning_goes_to_the_owner_or_when_nobody_owns_the_case_to_the_team_lead()
    {
        Assert.Equal([(Owner, Audience.Owner)], Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S3), Case(), Everyone, Rules)));
        Assert.Equal([(Lead, Audience.TeamLead)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S3), Case(), Everyone with { Owner = null }, Rules)));
    }

    [Fact]
    public void An_S1_or_S2_breach_reaches_leadership_the_channel_and_a_valued_customers_account_team()
    {
        var notices = RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S2), Case(CustomerTier.Premium), Everyone, Rules);

        Assert.Equal([(Owner, Audience.Owner), (Lead, Audience.TeamLead), (Channel, Audience.TeamChannel), (AccountManager, Audience.AccountTeam),
            (Leadership, Audience.Leadership)], Told(notices));
    }

    [Fact]
    public void An_S3_breach_stays_with_the_owner_and_the_team_lead() =>
        Assert.Equal([(Owner, Audience.Owner), (Lead, Audience.TeamLead)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S3), Case(CustomerTier.Strategic), Everyone, Rules)));

    [Theory]
    [InlineData(Severity.S3, Severity.S4, false)]
    [InlineData(Severity.S4, Severity.S3, false)]
    [InlineData(Severity.S3, Severity.S2, true)]
    [InlineData(Severity.S2, Severity.S3, true)]
    [InlineData(Severity.S2, Severity.S1, true)]
    public void A_severity_change_is_told_when_it_crosses_into_or_out_of_S1_S2(Severity from, Severity to, bool told)
    {
        var change = new EscalationSeverityChanged
        {
            EscalationId = Id, TenantId = "acme", Key = "ESC-1", Title = "t", From = from, To = to, Actor = new Actor(ActorKind.Person, "p1", "Pat"), Reason = "new facts", At = At,
        };

        var notices = RecipientPolicy.ForSeverityChange(change, Case(), Everyone, Rules);

        Assert.Equal(told, notices.Count > 0);
        if (told)
        {
            Assert.Contains(notices, notice => notice.Audience == Audience.Leadership);
        }
    }

    [Fact]
    public void The_customer_hears_of_news_only()
    {
        CustomerCommitmentUpdated Commitment(EscalationStatus status) => new() { EscalationId = Id, TenantId = "acme", Status = status, NextUpdateDue = Due, At = At };

        Assert.Equal([(Customer, Audience.Customer)], Told(RecipientPolicy.ForCommitment(Commitment(EscalationStatus.Resolved), Case(), Everyone, Rules)));
        Assert.Empty(RecipientPolicy.ForCommitment(Commitment(EscalationStatus.Assigned), Case(), Everyone, Rules));
    }

    [Fact]
    public void A_tenants_own_rules_decide_who_hears_of_an_event()
    {
        var rules = new NotificationRules { Rules = [new RecipientRule("only-leadership-on-s4", [NoticeEvent.Offered], Audience.Leadership, [Severity.S4])] };

        Assert.Equal([(Leadership, Audience.Leadership)], Told(RecipientPolicy.ForOffer(Offer(Severity.S4), Case(), Everyone, rules)));
        Assert.Empty(RecipientPolicy.ForOffer(Offer(Severity.S1), Case(), Everyone, rules));
    }

    [Fact]
    public void Unknown_recipients_are_left_out_and_each_address_is_told_once()
    {
        var sameAddress = Everyone with { TeamLead = new Person("lead", "Lead", Owner), Leadership = [], AccountTeam = [Owner, AccountManager] };

        var notices = RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1), Case(CustomerTier.Strategic), sameAddress with { TeamChannel = null }, Rules);

        Assert.Equal([(Owner, Audience.Owner), (AccountManager, Audience.AccountTeam)], Told(notices));
    }

    private static EscalationHandoff Handoff(HandoffStep step, MemberRef? asked = null) => new()
    {
        HandoffId = Guid.Parse("0194b4c4-6b2a-7000-8000-0000000000aa"),
        EscalationId = Id,
        TenantId = "acme",
        Step = step,
        From = new MemberRef("m1", "Owner", Owner),
        RequestedBy = new Actor(ActorKind.Person, "m1", "Owner"),
        ToTeam = new TeamRef("billing", "Billing"),
        ToTeamLead = new MemberRef("bl", "Billing lead", "billing-lead@acme.example"),
        AskedNow = asked,
        Reason = "a billing question",
        ContextSummary = "invoice 42",
        ActionsTaken = ["checked the ledger"],
        RespondBy = Due,
        At = At,
    };

    [Fact]
    public void A_handoff_asks_the_person_named_or_else_the_receiving_teams_lead()
    {
        Assert.Equal([("pia@acme.example", Audience.Asked)],
            Told(RecipientPolicy.ForHandoff(Handoff(HandoffStep.Requested, new MemberRef("pia", "Pia", "pia@acme.example")), Case(), Everyone, Rules)));
        Assert.Equal([("billing-lead@acme.example", Audience.Asked)], Told(RecipientPolicy.ForHandoff(Handoff(HandoffStep.MovedUp), Case(), Everyone, Rules)));
    }

    [Theory]
    [InlineData(HandoffStep.Accepted)]
    [InlineData(HandoffStep.Rejected)]
    public void An_answered_handoff_tells_the_owner_who_asked(HandoffStep step) =>
        Assert.Equal([(Owner, Audience.Owner)], Told(RecipientPolicy.ForHandoff(Handoff(step), Case(), Everyone, Rules)));

    [Fact]
    public void An_unanswered_handoff_tells_the_owner_and_leadership() =>
        Assert.Equal([(Owner, Audience.Owner), (Leadership, Audience.Leadership)],
            Told(RecipientPolicy.ForHandoff(Handoff(HandoffStep.Expired), Case(), Everyone, Rules)));

    [Fact]
    public void A_case_nobody_can_be_offered_tells_the_lead_routing_found_and_leadership()
    {
        var unroutable = new EscalationUnroutable
        {
            EscalationId = Id, TenantId = "acme", Severity = Severity.S3, Reason = "no team takes legal issues", At = At, Key = "ESC-1", Title = "t",
            TeamLead = new MemberRef("ll", "Legal lead", "legal-lead@acme.example"),
        };

        Assert.Equal([("legal-lead@acme.example", Audience.TeamLead), (Leadership, Audience.Leadership)],
            Told(RecipientPolicy.ForUnroutable(unroutable, Case(), Everyone with { Owner = null }, Rules)));
    }

    [Fact]
    public void The_top_of_a_policy_tells_the_lead_and_leadership_not_the_person_who_already_has_the_offer()
    {
        var exhausted = new EscalationPolicyExhausted
        {
            EscalationId = Id, TenantId = "acme", Severity = Severity.S2, Team = new TeamRef("core", "Core"), Policy = "Default",
            LastOfferedTo = new MemberRef("m1", "Owner", Owner), Offers = 3, At = At,
        };

        Assert.Equal([(Lead, Audience.TeamLead), (Leadership, Audience.Leadership)],
            Told(RecipientPolicy.ForPolicyExhausted(exhausted, Case(), Everyone, Rules)));
    }

    private static EscalationDeflected Deflected(string submittedBy) => new()
    {
        EscalationId = Id, TenantId = "acme", Key = "ESC-1", Title = "Export fails", Severity = Severity.S3,
        Customer = new CustomerRef("c-1", "Initech", Customer, "Europe/Berlin"), SubmittedBy = submittedBy,
        Deflection = new CaseDeflection("KE-7", "Export times out on large files", 0.91, "Export by month.", "same error signature"), At = At,
    };

    [Fact]
    public void A_deflection_tells_the_customer_by_email_and_the_person_who_handed_it_in_in_the_feed()
    {
        var notices = RecipientPolicy.ForDeflection(Deflected("frontline-7"), Case(), Everyone with { Customer = null }, Rules);

        Assert.Equal([(Customer, Audience.Customer), ("frontline-7", Audience.Submitter)], Told(notices));
        Assert.Equal(NoticeChannel.Email, notices[0].Channel);
        var submitter = notices[1];
        Assert.Equal((NoticeChannel.InApp, "frontline-7", false), (submitter.Channel, submitter.PersonId, submitter.IsInternalEmail));
        Assert.All(notices, notice => Assert.Equal((NoticeEvent.Deflected, $"deflected:{Id}"), (notice.Event, notice.EventKey)));
    }

    [Fact]
    public void A_partner_that_handed_in_a_deflected_case_gets_no_in_app_notice() =>
        Assert.Equal([(Customer, Audience.Customer)], Told(RecipientPolicy.ForDeflection(Deflected("key:partner-3"), Case(), Everyone, Rules)));

    private static readonly Guid ProblemId = Guid.Parse("0194b4c4-6b2a-7000-8000-0000000000b1");

    private static ProblemRaised Raised(params ProblemCase[] cases) => new()
    {
        ProblemId = ProblemId, TenantId = "acme", Title = "Exports time out", Shared = "release 4.2", Cases = cases, At = At,
    };

    [Fact]
    public void A_problem_raised_tells_leadership_once_per_problem()
    {
        var first = RecipientPolicy.ForProblem(Raised(new ProblemCase(Id, "ESC-1", "Export fails")), [Leadership, "cto@acme.example"], Rules);
        var again = RecipientPolicy.ForProblem(Raised(new ProblemCase(Id, "ESC-1", "Export fails"), new ProblemCase(Guid.CreateVersion7(), "ESC-2", "Slow export")),
            [Leadership, "cto@acme.example"], Rules);

        Assert.Equal([(Leadership, Audience.Leadership), ("cto@acme.example", Audience.Leadership)], Told(first));
        Assert.All(first.Concat(again), notice => Assert.Equal((NoticeEvent.ProblemRaised, $"problem:{ProblemId}"), (notice.Event, notice.EventKey)));
    }

    [Fact]
    public void A_rule_limited_to_severities_never_applies_to_a_problem()
    {
        var rules = new NotificationRules { Rules = [new RecipientRule("major-problems", [NoticeEvent.ProblemRaised], Audience.Leadership, [Severity.S1])] };

        Assert.Empty(RecipientPolicy.ForProblem(Raised(), [Leadership], rules));
    }

    [Fact]
    public void A_fix_tells_the_customer_of_each_case_under_its_own_key()
    {
        var other = Guid.Parse("0194b4c4-6b2a-7000-8000-000000000002");
        var fix = new ProblemFixAnnounced
        {
            ProblemId = ProblemId, TenantId = "acme", Title = "Exports time out", FixedIn = "4.2.1",
            Cases = [new ProblemCase(Id, "ESC-1", "Export fails"), new ProblemCase(other, "ESC-2", "Slow export")], At = At,
        };

        var first = RecipientPolicy.ForProblemFix(fix, Id, Case(), Everyone, Rules);
        var second = RecipientPolicy.ForProblemFix(fix, other, Case(), Everyone with { Customer = "ops@globex.example" }, Rules);

        Assert.Equal([(Customer, Audience.Customer)], Told(first));
        Assert.Equal([("ops@globex.example", Audience.Customer)], Told(second));
        Assert.Equal(($"problem-fixed:{ProblemId}:{Id}", $"problem-fixed:{ProblemId}:{other}"), (first[0].EventKey, second[0].EventKey));
        Assert.Empty(RecipientPolicy.ForProblemFix(fix, Id, Case(), Everyone with { Customer = null }, Rules));
    }
}
