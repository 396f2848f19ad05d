using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>The escalation.status-changed webhooks for the moves intake no longer announces with an
/// EscalationStatusChanged: derived from the event that is the fact, in the shape intake published.</summary>
public sealed class ImpliedStatusChangesTests
{
    private static readonly Guid Id = Guid.Parse("0194b4c4-6b2a-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    private static EscalationOffered Offer(MemberRef? previously = null) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Severity = Severity.S2,
        Team = new TeamRef("core", "Core"),
        OfferedTo = new MemberRef("m1", "Offeree", "offeree@acme.example"),
        Owner = new MemberRef("m1", "Offeree", "offeree@acme.example"),
        Backup = new MemberRef("m2", "Backup", "backup@acme.example"),
        Level = previously is null ? OfferLevel.Owner : OfferLevel.Backup,
        RespondBy = At.AddMinutes(15),
        PreviouslyOfferedTo = previously,
        Reason = "round robin in Core",
        At = At,
    };

    [Theory]
    [InlineData(EscalationStatus.Submitted)]
    [InlineData(EscalationStatus.NeedsInformation)]
    public void Triage_is_the_move_to_triaged_from_where_the_case_was_by_triage_for_its_rules(EscalationStatus from)
    {
        var triaged = new EscalationTriaged
        {
            EscalationId = Id,
            TenantId = "acme",
            Key = "ESC-000001",
            Title = "Checkout fails",
            Severity = Severity.S2,
            Facts = null!,
            From = from,
            Reason = "outage-many (S2): Many customers are down",
            TriagedAt = At,
        };

        Assert.Equal(new EscalationStatusChanged
        {
            EscalationId = Id, TenantId = "acme", Key = "ESC-000001", From = from, To = EscalationStatus.Triaged, Actor = Actor.Service("triage"),
            Reason = "outage-many (S2): Many customers are down", At = At,
        }, ImpliedStatusChanges.Of(triaged));
    }

    [Fact]
    public void The_first_offer_is_the_move_from_triaged_to_assigned_by_routing_for_its_reason()
    {
        Assert.Equal(new EscalationStatusChanged
        {
            EscalationId = Id, TenantId = "acme", Key = "ESC-000001", From = EscalationStatus.Triaged, To = EscalationStatus.Assigned,
            Actor = Actor.Service("routing"), Reason = "round robin in Core", At = At,
        }, ImpliedStatusChanges.Of(Offer(), "ESC-000001"));
    }

    [Fact]
    public void An_offer_moved_up_the_policy_changes_no_status()
    {
        Assert.Null(ImpliedStatusChanges.Of(Offer(previously: new MemberRef("m1", "Offeree", "offeree@acme.example")), "ESC-000001"));
    }

    [Fact]
    public void A_case_triaged_at_submission_also_stands_for_its_submission()
    {
        var facts = new CaseFacts
        {
            IssueType = IssueType.Technical,
            Customer = new CustomerFacts { Id = "cust-1", Name = "Acme GmbH", Tier = CustomerTier.Premium, TimeZone = "Europe/Berlin" },
            Impact = new ImpactFacts(),
            Urgency = new UrgencyFacts(),
            Context = new ContextFacts(),
            SubmittedAt = At,
        };
        var triaged = new EscalationTriaged
        {
            EscalationId = Id, TenantId = "acme", Key = "ESC-000001", Title = "Checkout fails", Severity = Severity.S2, Facts = facts, TriagedAt = At,
        };

        Assert.Null(ImpliedStatusChanges.Submission(triaged));
        Assert.Equal(
            new EscalationSubmitted { EscalationId = Id, TenantId = "acme", Key = "ESC-000001", Title = "Checkout fails", Facts = facts },
            ImpliedStatusChanges.Submission(triaged with { AnnouncesSubmission = true }));
    }

    [Fact]
    public void The_derived_submission_id_is_stable_and_differs_from_the_source_and_the_derived_status_change()
    {
        var source = Guid.Parse("0194b4c4-6b2a-7000-8000-0000000000aa");

        Assert.Equal(ImpliedStatusChanges.SubmissionEventId(source), ImpliedStatusChanges.SubmissionEventId(source));
        Assert.NotEqual(source, ImpliedStatusChanges.SubmissionEventId(source));
        Assert.NotEqual(ImpliedStatusChanges.EventId(source), ImpliedStatusChanges.SubmissionEventId(source));
    }

    [Fact]
    public void The_derived_event_id_is_stable_for_one_event_and_differs_from_it_and_between_events()
    {
        var source = Guid.Parse("0194b4c4-6b2a-7000-8000-0000000000aa");
        var other = Guid.Parse("0194b4c4-6b2a-7000-8000-0000000000ab");

        Assert.Equal(ImpliedStatusChanges.EventId(source), ImpliedStatusChanges.EventId(source));
        Assert.NotEqual(source, ImpliedStatusChanges.EventId(source));
        Assert.NotEqual(ImpliedStatusChanges.EventId(other), ImpliedStatusChanges.EventId(source));
    }
}
