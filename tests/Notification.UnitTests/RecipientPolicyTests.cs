using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>Who is told what (SPEC §7), for each kind of event, severity and who is known.</summary>
public sealed class RecipientPolicyTests
{
    private static readonly Guid Id = Guid.Parse("0194b4c4-6b2a-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private const string Owner = "owner@acme.example";
    private const string Lead = "lead@acme.example";
    private const string Leadership = "leadership@acme.example";
    private const string Customer = "it@customer.example";

    private static readonly CaseContacts Everyone = new(Owner, Lead, Leadership, Customer);

    private static EscalationOffered Offer(OfferLevel level, Severity severity, string offeree = "offeree@acme.example") => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Severity = severity,
        Team = new TeamRef("core", "Core"),
        OfferedTo = new MemberRef("m1", "Offeree", offeree),
        Owner = new MemberRef("m1", "Offeree", offeree),
        Backup = new MemberRef("m2", "Backup", "backup@acme.example"),
        Level = level,
        RespondBy = Due,
        Reason = "round robin",
        At = At,
    };

    private static SlaThresholdReached Threshold(ThresholdKind threshold, Severity severity, int percent = 75) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Clock = ClockKind.FirstResponse,
        Threshold = threshold,
        PercentElapsed = percent,
        Severity = severity,
        DueAt = Due,
        ReachedAt = At,
    };

    private static CustomerCommitmentUpdated Commitment(EscalationStatus status, string? message = null) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Status = status,
        NextUpdateDue = Due,
        Message = message,
        At = At,
    };

    private static (string, Audience, NoticeKind)[] Told(IEnumerable<Notice> notices) =>
        [.. notices.Select(notice => (notice.Recipient, notice.Audience, notice.Kind))];

    // Offers

    [Theory]
    [InlineData(OfferLevel.Owner, Severity.S2)]
    [InlineData(OfferLevel.Owner, Severity.S3)]
    [InlineData(OfferLevel.Owner, Severity.S4)]
    [InlineData(OfferLevel.Backup, Severity.S1)]
    [InlineData(OfferLevel.Backup, Severity.S3)]
    [InlineData(OfferLevel.TeamLead, Severity.S1)]
    [InlineData(OfferLevel.TeamLead, Severity.S4)]
    public void Each_offer_tells_the_offeree_only(OfferLevel level, Severity severity) =>
        Assert.Equal([("offeree@acme.example", Audience.Offeree, NoticeKind.Offer)], Told(RecipientPolicy.ForOffer(Offer(level, severity), Everyone)));

    [Fact]
    public void The_first_offer_of_an_S1_also_tells_leadership_that_a_major_incident_opened() =>
        Assert.Equal(
            [("offeree@acme.example", Audience.Offeree, NoticeKind.Offer), (Leadership, Audience.Leadership, NoticeKind.MajorIncidentOpened)],
            Told(RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1), Everyone)));

    [Fact]
    public void An_S1_offer_without_a_leadership_address_tells_the_offeree_only() =>
        Assert.Equal([("offeree@acme.example", Audience.Offeree, NoticeKind.Offer)],
            Told(RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1), Everyone with { Leadership = null })));

    [Fact]
    public void An_offeree_who_is_also_the_leadership_address_is_told_once_as_offeree() =>
        Assert.Equal([(Leadership, Audience.Offeree, NoticeKind.Offer)],
            Told(RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1, offeree: Leadership), Everyone)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_offeree_without_an_address_is_not_told(string offeree) =>
        Assert.Equal([(Leadership, Audience.Leadership, NoticeKind.MajorIncidentOpened)],
            Told(RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1, offeree), Everyone)));

    [Fact]
    public void Offers_are_keyed_per_escalation_and_level_and_the_major_incident_once_per_escalation()
    {
        var notices = RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1), Everyone);

        Assert.Equal([$"offered:{Id}:Owner", $"s1-opened:{Id}"], notices.Select(notice => notice.EventKey));
        Assert.Equal($"offered:{Id}:Backup", Assert.Single(RecipientPolicy.ForOffer(Offer(OfferLevel.Backup, Severity.S1), Everyone)).EventKey);
    }

    // SLA warnings

    [Theory]
    [InlineData(Severity.S1)]
    [InlineData(Severity.S2)]
    [InlineData(Severity.S3)]
    [InlineData(Severity.S4)]
    public void A_warning_tells_the_owner_only_whatever_the_severity(Severity severity) =>
        Assert.Equal([(Owner, Audience.Owner, NoticeKind.SlaWarning)], Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, severity), Everyone)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_warning_without_an_owner_tells_the_team_lead(string? owner) =>
        Assert.Equal([(Lead, Audience.TeamLead, NoticeKind.SlaWarning)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S1), Everyone with { Owner = owner })));

    [Fact]
    public void A_warning_with_neither_owner_nor_lead_tells_nobody() =>
        Assert.Empty(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S1), Everyone with { Owner = null, TeamLead = null }));

    // Breaches

    [Theory]
    [InlineData(Severity.S1)]
    [InlineData(Severity.S2)]
    public void A_breach_of_an_S1_or_S2_tells_owner_lead_and_leadership(Severity severity) =>
        Assert.Equal(
            [(Owner, Audience.Owner, NoticeKind.SlaBreach), (Lead, Audience.TeamLead, NoticeKind.SlaBreach), (Leadership, Audience.Leadership, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, severity, 100), Everyone)));

    [Theory]
    [InlineData(Severity.S3)]
    [InlineData(Severity.S4)]
    public void A_breach_of_an_S3_or_S4_tells_owner_and_lead_but_not_leadership(Severity severity) =>
        Assert.Equal(
            [(Owner, Audience.Owner, NoticeKind.SlaBreach), (Lead, Audience.TeamLead, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, severity, 100), Everyone)));

    [Fact]
    public void A_breach_without_an_owner_tells_the_lead_once_and_leadership() =>
        Assert.Equal(
            [(Lead, Audience.TeamLead, NoticeKind.SlaBreach), (Leadership, Audience.Leadership, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1, 100), Everyone with { Owner = null })));

    [Fact]
    public void A_breach_without_a_lead_tells_the_owner_and_leadership() =>
        Assert.Equal(
            [(Owner, Audience.Owner, NoticeKind.SlaBreach), (Leadership, Audience.Leadership, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S2, 100), Everyone with { TeamLead = null })));

    [Fact]
    public void A_breach_known_to_nobody_tells_nobody() =>
        Assert.Empty(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1, 100), new CaseContacts(null, null, null, Customer)));

    [Fact]
    public void An_owner_who_leads_the_team_is_told_of_a_breach_once_as_owner() =>
        Assert.Equal(
            [(Owner, Audience.Owner, NoticeKind.SlaBreach), (Leadership, Audience.Leadership, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1, 100), Everyone with { TeamLead = Owner })));

    [Fact]
    public void A_lead_who_is_also_the_leadership_address_is_told_of_a_breach_once_as_lead() =>
        Assert.Equal(
            [(Owner, Audience.Owner, NoticeKind.SlaBreach), (Lead, Audience.TeamLead, NoticeKind.SlaBreach)],
            Told(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S2, 100), Everyone with { Leadership = Lead })));

    [Fact]
    public void The_customer_never_hears_of_thresholds()
    {
        Assert.DoesNotContain(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S1), Everyone), notice => notice.Recipient == Customer);
        Assert.DoesNotContain(RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1), Everyone), notice => notice.Recipient == Customer);
    }

    [Fact]
    public void Every_recipient_of_a_threshold_shares_its_key_which_names_clock_threshold_percent_and_due_time()
    {
        var notices = RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Breach, Severity.S1, 100), Everyone);

        Assert.All(notices, notice => Assert.Equal($"sla:{Id}:FirstResponse:Breach:100:{Due.ToUnixTimeSeconds()}", notice.EventKey));
    }

    [Fact]
    public void A_threshold_against_a_moved_target_is_another_event() =>
        Assert.NotEqual(
            RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S2), Everyone)[0].EventKey,
            RecipientPolicy.ForThreshold(Threshold(ThresholdKind.Warning, Severity.S2) with { DueAt = Due.AddHours(1) }, Everyone)[0].EventKey);

    // The customer

    [Theory]
    [InlineData(EscalationStatus.Triaged)]
    [InlineData(EscalationStatus.Acknowledged)]
    [InlineData(EscalationStatus.InProgress)]
    [InlineData(EscalationStatus.WaitingOnCustomer)]
    [InlineData(EscalationStatus.Resolved)]
    [InlineData(EscalationStatus.Closed)]
    [InlineData(EscalationStatus.Reopened)]
    [InlineData(EscalationStatus.Cancelled)]
    public void Status_news_tells_the_customer_only(EscalationStatus status)
    {
        var notice = Assert.Single(RecipientPolicy.ForCommitment(Commitment(status), Everyone));

        Assert.Equal((Customer, Audience.Customer, NoticeKind.CustomerNews), (notice.Recipient, notice.Audience, notice.Kind));
        Assert.Equal($"customer:{Id}:{status}:{At.ToUnixTimeMilliseconds()}", notice.EventKey);
    }

    [Theory]
    [InlineData(EscalationStatus.Submitted)]
    [InlineData(EscalationStatus.NeedsInformation)]
    [InlineData(EscalationStatus.Deflected)]
    [InlineData(EscalationStatus.Assigned)]
    public void An_internal_status_tells_nobody(EscalationStatus status) =>
        Assert.Empty(RecipientPolicy.ForCommitment(Commitment(status), Everyone));

    [Theory]
    [InlineData(EscalationStatus.Assigned)]
    [InlineData(EscalationStatus.InProgress)]
    public void An_update_written_for_the_customer_is_told_whatever_the_status(EscalationStatus status) =>
        Assert.Equal([(Customer, Audience.Customer, NoticeKind.CustomerNews)],
            Told(RecipientPolicy.ForCommitment(Commitment(status, "We found the cause."), Everyone)));

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_customer_without_a_contact_address_is_not_told(string? customer) =>
        Assert.Empty(RecipientPolicy.ForCommitment(Commitment(EscalationStatus.Resolved, "Fixed."), Everyone with { Customer = customer }));

    [Fact]
    public void Each_commitment_is_its_own_event() =>
        Assert.NotEqual(
            RecipientPolicy.ForCommitment(Commitment(EscalationStatus.InProgress), Everyone)[0].EventKey,
            RecipientPolicy.ForCommitment(Commitment(EscalationStatus.InProgress) with { At = At.AddMinutes(30) }, Everyone)[0].EventKey);

    private static EscalationUnroutable Unroutable(MemberRef? lead) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Severity = Severity.S2,
        Reason = "Core has 1 member besides its lead to take turns; an owner and a distinct backup need 2",
        Team = lead is null ? null : new TeamRef("core", "Core"),
        TeamLead = lead,
        At = At,
        Key = "ESC-1",
        Title = "Checkout fails",
    };

    [Fact]
    public void A_case_nobody_could_be_offered_is_told_to_its_team_lead_and_leadership_once_each()
    {
        var notices = RecipientPolicy.ForUnroutable(Unroutable(new MemberRef("lee", "Lee", Lead)), Everyone);

        Assert.Equal([(Lead, Audience.TeamLead), (Leadership, Audience.Leadership)], notices.Select(notice => (notice.Recipient, notice.Audience)));
        Assert.All(notices, notice => Assert.Equal(NoticeKind.Unroutable, notice.Kind));
        Assert.Single(notices.Select(notice => notice.EventKey).Distinct()); // a redelivered announcement is told once per person
    }

    [Fact]
    public void The_top_of_a_policy_is_told_to_the_team_lead_and_leadership_once_each()
    {
        var exhausted = new EscalationPolicyExhausted
        {
            EscalationId = Id, TenantId = "acme", Severity = Severity.S2, Team = new("support", "Support"), TeamLead = new("lee", "Lee", Lead),
            Policy = "Support policy", LastOfferedTo = new("lee", "Lee", Lead), Offers = 3, At = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
        };

        var notices = RecipientPolicy.ForPolicyExhausted(exhausted, Everyone);

        Assert.Equal([(Lead, Audience.TeamLead), (Leadership, Audience.Leadership)], notices.Select(notice => (notice.Recipient, notice.Audience)));
        Assert.All(notices, notice => Assert.Equal(NoticeKind.TopOfPolicy, notice.Kind));
        Assert.Single(notices.Select(notice => notice.EventKey).Distinct());
    }

    [Fact]
    public void A_repeated_level_is_a_new_offer_to_tell()
    {
        var first = Assert.Single(RecipientPolicy.ForOffer(Offer(OfferLevel.Backup, Severity.S3), Everyone));
        var repeat = Assert.Single(RecipientPolicy.ForOffer(Offer(OfferLevel.Backup, Severity.S3) with { Step = 3 }, Everyone));

        Assert.NotEqual(first.EventKey, repeat.EventKey);
    }

    [Fact]
    public void Without_a_team_only_leadership_hears_of_a_case_nobody_could_be_offered() =>
        Assert.Equal([Leadership], RecipientPolicy.ForUnroutable(Unroutable(lead: null), Everyone).Select(notice => notice.Recipient));

    private static EscalationSeverityChanged SeverityChange(Severity from, Severity to) => new()
    {
        EscalationId = Guid.Parse("0193f0a0-0000-7000-8000-0000000000aa"),
        TenantId = "acme",
        Key = "ACME-7",
        Title = "Checkout fails",
        From = from,
        To = to,
        Actor = new(ActorKind.Person, "mia", "Mia"),
        Reason = "every region is down now",
        At = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData(Severity.S3, Severity.S1)]
    [InlineData(Severity.S4, Severity.S2)]
    [InlineData(Severity.S2, Severity.S1)]
    [InlineData(Severity.S1, Severity.S3)]
    public void A_severity_change_into_or_out_of_S1_and_S2_is_told_to_leadership_the_owner_and_the_team_lead(Severity from, Severity to)
    {
        var notices = RecipientPolicy.ForSeverityChange(SeverityChange(from, to), Everyone);

        Assert.Equal([(Leadership, Audience.Leadership), (Owner, Audience.Owner), (Lead, Audience.TeamLead)],
            notices.Select(notice => (notice.Recipient, notice.Audience)));
        Assert.All(notices, notice => Assert.Equal(NoticeKind.SeverityChanged, notice.Kind));
    }

    [Fact]
    public void A_change_between_S3_and_S4_tells_nobody() =>
        Assert.Empty(RecipientPolicy.ForSeverityChange(SeverityChange(Severity.S3, Severity.S4), Everyone));

    [Fact]
    public void A_replanned_offer_tells_the_offeree_the_new_deadline_and_not_leadership_again()
    {
        var replanned = Offer(OfferLevel.Owner, Severity.S1) with { Replanned = true };

        var notice = Assert.Single(RecipientPolicy.ForOffer(replanned, Everyone));

        Assert.Equal(("offeree@acme.example", Audience.Offeree), (notice.Recipient, notice.Audience));
        Assert.NotEqual(RecipientPolicy.ForOffer(Offer(OfferLevel.Owner, Severity.S1), Everyone)[0].EventKey, notice.EventKey);
    }

    private static EscalationHandoff HandoffStepOf(HandoffStep step, MemberRef? asked) => new()
    {
        HandoffId = Guid.Parse("0193f0a0-0000-7000-8000-0000000000cc"),
        EscalationId = Guid.Parse("0193f0a0-0000-7000-8000-0000000000aa"),
        TenantId = "acme",
        Step = step,
        From = new MemberRef("olga", "Olga", "olga@acme.example"),
        RequestedBy = new(ActorKind.Person, "olga", "Olga"),
        ToTeam = new TeamRef("database", "Database"),
        ToTeamLead = new MemberRef("dora", "Dora", "dora@acme.example"),
        AskedNow = asked,
        Reason = "needs the database team",
        ContextSummary = "exports time out",
        ActionsTaken = ["restarted the workers"],
        RespondBy = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero),
        At = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void A_handoff_tells_the_person_asked_or_for_a_team_its_lead_then_the_previous_owner_and_leadership_when_nobody_took_it()
    {
        var dan = new MemberRef("dan", "Dan", "dan@acme.example");

        Assert.Equal(["dan@acme.example"], RecipientPolicy.ForHandoff(HandoffStepOf(HandoffStep.Requested, dan), Everyone).Select(notice => notice.Recipient));
        Assert.Equal(["dora@acme.example"], RecipientPolicy.ForHandoff(HandoffStepOf(HandoffStep.Requested, null), Everyone).Select(notice => notice.Recipient));
        Assert.Equal(["olga@acme.example"], RecipientPolicy.ForHandoff(HandoffStepOf(HandoffStep.Rejected, dan), Everyone).Select(notice => notice.Recipient));
        Assert.Equal(["olga@acme.example", Leadership], RecipientPolicy.ForHandoff(HandoffStepOf(HandoffStep.Expired, dan), Everyone).Select(notice => notice.Recipient));
    }
}
