using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Routing.Api.Offers;

/// <summary>Who an escalation is offered to, who owns it once accepted, and the timer that moves an unanswered
/// offer up the escalation ladder. One per escalation (the correlation id is the escalation id). An escalation nobody
/// could be offered has its <see cref="UnroutableReason"/>, the team when one was chosen, and no people (their columns
/// hold empty names, not nulls: they describe a routed offer).</summary>
public sealed class OfferState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    public string TenantId { get; set; } = null!;

    public int Severity { get; set; }

    /// <summary>The escalation's key, title and customer, from the triage: the offer carries them, so that whoever
    /// words or addresses a message about it needs nothing else (null on offers made before they were kept).</summary>
    public string? Key { get; set; }

    public string? Title { get; set; }

    public string? CustomerId { get; set; }

    public string? CustomerName { get; set; }

    public string? CustomerEmail { get; set; }

    public string? CustomerTimeZone { get; set; }

    /// <summary>The customer's tier and account team (addresses), and who submitted the case, for whoever is told of
    /// the offer (null and empty on offers made before they were kept).</summary>
    public CustomerTier? CustomerTier { get; set; }

    public string[] AccountTeam { get; set; } = [];

    public string? SubmittedBy { get; set; }

    public CustomerRef? Customer() => CustomerId is null
        ? null
        : new CustomerRef(CustomerId, CustomerName!, CustomerEmail, CustomerTimeZone!) { Tier = CustomerTier, AccountTeam = AccountTeam };

    public string TeamId { get; set; } = null!;

    public string TeamName { get; set; } = null!;

    public string OwnerId { get; set; } = null!;

    public string OwnerName { get; set; } = null!;

    public string OwnerEmail { get; set; } = null!;

    public string BackupId { get; set; } = null!;

    public string BackupName { get; set; } = null!;

    public string BackupEmail { get; set; } = null!;

    public string? LeadId { get; set; }

    public string? LeadName { get; set; }

    public string? LeadEmail { get; set; }

    /// <summary>Where the offer stands now (stored as the API spells it: "team-lead").</summary>
    public OfferLevel Level { get; set; }

    public string OfferedToId { get; set; } = null!;

    /// <summary>The name and address of whoever is offered the escalation now: a policy level may name someone who is
    /// neither owner, backup nor lead (null on offers made before they were kept).</summary>
    public string? OfferedToName { get; set; }

    public string? OfferedToEmail { get; set; }

    public string? PreviousOfferedToId { get; set; }

    public string? PreviousOfferedToName { get; set; }

    public string? PreviousOfferedToEmail { get; set; }

    /// <summary>The escalation policy's levels as laid out when the case was routed (<see cref="Routing.Domain.PolicyPlan"/>),
    /// as JSON; "[]" for the built-in owner, backup, team lead.</summary>
    public string Plan { get; set; } = "[]";

    /// <summary>The policy the plan starts with ("Default" for the built-in).</summary>
    public string? PolicyName { get; set; }

    /// <summary>The index in <see cref="Plan"/> of the level the offer stands at.</summary>
    public int PolicyStep { get; set; }

    /// <summary>How many times the offer has moved (0 at the first offer).</summary>
    public int Moves { get; set; }

    /// <summary>When the offer went through its whole policy unanswered; null before that.</summary>
    public DateTime? TopOfPolicyAt { get; set; }

    /// <summary>Why the offer stands with its current person: the routing decision, or the unanswered window.</summary>
    public string Reason { get; set; } = null!;

    public DateTime RespondBy { get; set; }

    public TimeSpan Window { get; set; }

    public string? AcceptedById { get; set; }

    /// <summary>Why nobody could be offered the escalation (<see cref="Routing.Domain.NoOwner"/>); null once routed.</summary>
    public string? UnroutableReason { get; set; }

    public Guid? AcknowledgementTimeoutTokenId { get; set; }

    public DateTime CreatedAt { get; set; }

    public uint RowVersion { get; set; }
}

public sealed class OfferStateMap : IEntityTypeConfiguration<OfferState>
{
    public void Configure(EntityTypeBuilder<OfferState> offer)
    {
        offer.ToTable("offer_state");
        offer.HasKey(state => state.CorrelationId);
        offer.Property(state => state.CorrelationId).ValueGeneratedNever();
        offer.Property(state => state.CurrentState).HasMaxLength(32);
        offer.Property(state => state.TenantId).HasMaxLength(63);
        offer.Property(state => state.Level).HasMaxLength(16);
        offer.Property(state => state.Plan).HasColumnType("jsonb");
        offer.Property(state => state.RowVersion).IsRowVersion();
        offer.HasIndex(state => new { state.TenantId, state.OwnerId, state.CurrentState });
    }
}

/// <summary>The acknowledgement window of an offer ran out.</summary>
public sealed record AcknowledgementDue(Guid EscalationId);
