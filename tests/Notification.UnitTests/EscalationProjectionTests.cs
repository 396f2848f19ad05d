using EscalationPlatform.Contracts;
using Notification.Api.Projections;

namespace Notification.UnitTests;

/// <summary>The projection is created by whichever of the offer and the commitment arrives first, and ends the same
/// whatever order they (and later ones) arrive in: what changes is taken only from an event no older than its source.</summary>
public sealed class EscalationProjectionTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly CustomerRef Customer = new("c-1", "Initech", "it@initech.example", "Europe/Berlin");

    private static EscalationOffered Offer(string to, TimeSpan after) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Severity = Severity.S2,
        Team = new TeamRef("support", "Support"),
        OfferedTo = new MemberRef(to, to.ToUpperInvariant(), $"{to}@acme.example"),
        Owner = new MemberRef("ana", "ANA", "ana@acme.example"),
        Backup = new MemberRef("ben", "BEN", "ben@acme.example"),
        TeamLead = new MemberRef("lee", "LEE", "lee@acme.example"),
        Level = to == "ana" ? OfferLevel.Owner : OfferLevel.Backup,
        RespondBy = Start + after + TimeSpan.FromMinutes(15),
        PreviouslyOfferedTo = to == "ana" ? null : new MemberRef("ana", "ANA", "ana@acme.example"),
        Reason = "round-robin",
        At = Start + after,
        Key = "ACME-7",
        Title = "Checkout fails",
        Customer = Customer,
    };

    private static CustomerCommitmentUpdated Commitment(EscalationStatus status, TimeSpan after) => new()
    {
        EscalationId = Id,
        TenantId = "acme",
        Status = status,
        At = Start + after,
        Key = "ACME-7",
        Title = "Checkout fails",
        Customer = Customer,
        Severity = Severity.S2,
    };

    private static EscalationProjection Apply(params object[] events)
    {
        EscalationProjection? projection = null;
        foreach (var happened in events)
        {
            projection ??= happened switch
            {
                EscalationOffered offer => EscalationProjection.Seed(offer),
                CustomerCommitmentUpdated commitment => EscalationProjection.Seed(commitment),
                _ => null,
            };
            switch (happened)
            {
                case EscalationOffered offer:
                    projection!.Take(offer);
                    break;
                case CustomerCommitmentUpdated commitment:
                    projection!.Take(commitment);
                    break;
            }
        }

        return projection!;
    }

    private static object Shape(EscalationProjection p) =>
        (p.Key, p.Title, p.CustomerName, p.CustomerEmail, p.CustomerTimeZone, p.Severity, p.Status, p.StatusAt, p.OwnerEmail, p.TeamLeadEmail, p.OfferedAt);

    [Fact]
    public void Either_first_event_creates_it_with_what_an_email_needs()
    {
        foreach (var first in new object[] { Offer("ana", TimeSpan.FromSeconds(1)), Commitment(EscalationStatus.Triaged, TimeSpan.Zero) })
        {
            var projection = Apply(first);

            Assert.Equal(("ACME-7", "Checkout fails", "Initech", "it@initech.example", "Europe/Berlin", (Severity?)Severity.S2),
                (projection.Key, projection.Title, projection.CustomerName, projection.CustomerEmail, projection.CustomerTimeZone, projection.Severity));
        }
    }

    [Fact]
    public void The_offer_and_the_commitment_give_the_same_projection_in_either_order()
    {
        var offer = Offer("ana", TimeSpan.FromSeconds(1));
        var commitment = Commitment(EscalationStatus.Triaged, TimeSpan.Zero);

        var offerFirst = Apply(offer, commitment);
        var commitmentFirst = Apply(commitment, offer);

        Assert.Equal(Shape(offerFirst), Shape(commitmentFirst));
        Assert.Equal((EscalationStatus.Assigned, "ana@acme.example"), (offerFirst.Status, offerFirst.OwnerEmail));
    }

    [Fact]
    public void An_older_offer_or_status_arriving_late_does_not_overwrite_a_newer_one()
    {
        var inOrder = Apply(Commitment(EscalationStatus.Triaged, TimeSpan.Zero), Offer("ana", TimeSpan.FromSeconds(1)), Offer("ben", TimeSpan.FromMinutes(15)),
            Commitment(EscalationStatus.Acknowledged, TimeSpan.FromMinutes(16)));
        var shuffled = Apply(Commitment(EscalationStatus.Acknowledged, TimeSpan.FromMinutes(16)), Offer("ben", TimeSpan.FromMinutes(15)),
            Commitment(EscalationStatus.Triaged, TimeSpan.Zero), Offer("ana", TimeSpan.FromSeconds(1)));

        Assert.Equal(Shape(inOrder), Shape(shuffled));
        Assert.Equal((EscalationStatus.Acknowledged, "ben@acme.example"), (shuffled.Status, shuffled.OwnerEmail));
    }

    [Fact]
    public void An_event_from_an_older_sender_without_key_title_or_customer_cannot_create_it()
    {
        Assert.Null(EscalationProjection.Seed(Offer("ana", TimeSpan.Zero) with { Customer = null }));
        Assert.Null(EscalationProjection.Seed(Commitment(EscalationStatus.Triaged, TimeSpan.Zero) with { Key = null }));
    }

    [Fact]
    public void A_deflection_creates_it_deflected_with_its_submitter()
    {
        var deflected = new EscalationDeflected
        {
            EscalationId = Id, TenantId = "acme", Key = "ACME-7", Title = "Checkout fails", Severity = Severity.S3, Customer = Customer,
            SubmittedBy = "key:partner-1", Deflection = new CaseDeflection("KE-1", "Known", 0.9, "Retry.", "same error"), At = Start,
        };

        var projection = EscalationProjection.Seed(deflected)!;
        projection.Take(deflected);

        Assert.Equal((EscalationStatus.Deflected, (Severity?)Severity.S3, "key:partner-1", "it@initech.example", "Europe/Berlin"),
            (projection.Status, projection.Severity, projection.SubmittedBy, projection.CustomerEmail, projection.CustomerTimeZone));
    }
}
