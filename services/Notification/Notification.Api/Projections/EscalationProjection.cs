using EscalationPlatform.Contracts;
using Notification.Domain;

namespace Notification.Api.Projections;

/// <summary>What notification knows about an escalation, built from the events it receives: enough to address and
/// word every message without asking another service. The offer, the commitment and the deflection each carry the
/// escalation's key, title and customer, so whichever arrives first creates it (<c>Seed</c>); what changes over time
/// is taken only from an event no older than the one it came from, so the order the events arrive in does not matter.</summary>
public sealed class EscalationProjection
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public Severity? Severity { get; set; }

    /// <summary>The status as far as notification's events tell it (the offer's move to Assigned, the commitment's status).</summary>
    public required EscalationStatus Status { get; set; }

    /// <summary>When <see cref="Status"/> was set: an older status arriving late does not overwrite it.</summary>
    public required DateTime StatusAt { get; set; }

    public required string CustomerName { get; set; }

    public string? CustomerEmail { get; set; }

    /// <summary>IANA time zone: times in customer emails are given in it as well as in UTC.</summary>
    public required string CustomerTimeZone { get; set; }

    public string? TeamId { get; set; }

    public string? TeamName { get; set; }

    public CustomerTier? CustomerTier { get; set; }

    /// <summary>The customer's account team (addresses), from the customer directory.</summary>
    public string[] AccountTeam { get; set; } = [];

    /// <summary>Who submitted the case (an actor id): webhook subscriptions bound to a submitter receive its cases only.</summary>
    public string? SubmittedBy { get; set; }

    public string? OwnerId { get; set; }

    public string? BackupName { get; set; }

    /// <summary>Who must act now: the person the escalation is offered to, or who accepted it.</summary>
    public string? OwnerName { get; set; }

    public string? OwnerEmail { get; set; }

    /// <summary>When the current offer was made: an older offer arriving late does not overwrite it.</summary>
    public DateTime? OfferedAt { get; set; }

    public string? TeamLeadEmail { get; set; }

    public string? TeamLeadId { get; set; }

    public string? TeamLeadName { get; set; }

    /// <summary>The team lead as a person who may be told.</summary>
    public Person? TeamLead => TeamLeadEmail is null ? null : new Person(TeamLeadId, TeamLeadName ?? TeamLeadEmail, TeamLeadEmail);

    public Person? Owner => OwnerEmail is null ? null : new Person(OwnerId, OwnerName ?? OwnerEmail, OwnerEmail);

    public NoticeCase Facts => new(Severity, CustomerTier);

    /// <summary>A projection from the first event about an escalation, in <paramref name="status"/> since
    /// <paramref name="at"/>; null when the event does not say enough (an older sender's, without key, title or
    /// customer).</summary>
    public static EscalationProjection? Seed(string tenantId, Guid escalationId, string? key, string? title, CustomerRef? customer,
        EscalationStatus status, DateTimeOffset at) =>
        key is null || title is null || customer is null
            ? null
            : new()
            {
                EscalationId = escalationId,
                TenantId = tenantId,
                Key = key,
                Title = title,
                Status = status,
                StatusAt = at.UtcDateTime,
                CustomerName = customer.Name,
                CustomerEmail = customer.ContactEmail,
                CustomerTimeZone = customer.TimeZone,
                CustomerTier = customer.Tier,
                AccountTeam = [.. customer.AccountTeam],
            };

    /// <summary>An offer is made to someone who must act: the case is at least assigned.</summary>
    public static EscalationProjection? Seed(EscalationOffered offer) =>
        Seed(offer.TenantId, offer.EscalationId, offer.Key, offer.Title, offer.Customer, EscalationStatus.Assigned, offer.At);

    /// <summary>Nobody could be offered the escalation: it is still triaged.</summary>
    public static EscalationProjection? Seed(EscalationUnroutable unroutable) =>
        Seed(unroutable.TenantId, unroutable.EscalationId, unroutable.Key, unroutable.Title, unroutable.Customer, EscalationStatus.Triaged, unroutable.At);

    public static EscalationProjection? Seed(CustomerCommitmentUpdated commitment) =>
        Seed(commitment.TenantId, commitment.EscalationId, commitment.Key, commitment.Title, commitment.Customer, commitment.Status, commitment.At);

    /// <summary>A deflected case is never offered: its deflection is often the first event about it here.</summary>
    public static EscalationProjection? Seed(EscalationDeflected deflected) =>
        Seed(deflected.TenantId, deflected.EscalationId, deflected.Key, deflected.Title, deflected.Customer, EscalationStatus.Deflected, deflected.At);

    /// <summary>Takes a status no older than the one shown.</summary>
    public void Follow(EscalationStatus status, DateTimeOffset at)
    {
        if (at.UtcDateTime >= StatusAt)
        {
            Status = status;
            StatusAt = at.UtcDateTime;
        }
    }

    /// <summary>Takes who the case is offered to from an offer no older than the one shown, and the move to Assigned a
    /// first offer stands for.</summary>
    public void Take(EscalationOffered offer)
    {
        Severity = offer.Severity;
        if (ImpliedStatusChanges.Of(offer, Key) is { } assigned)
        {
            Follow(assigned.To, assigned.At);
        }

        SubmittedBy ??= offer.SubmittedBy;
        if (offer.Customer is { Tier: { } tier } customer)
        {
            (CustomerTier, AccountTeam) = (tier, [.. customer.AccountTeam]);
        }

        if (OfferedAt is null || offer.At.UtcDateTime >= OfferedAt)
        {
            (TeamId, TeamName) = (offer.Team.Id, offer.Team.Name);
            (OwnerId, OwnerName, OwnerEmail) = (offer.OfferedTo.Id, offer.OfferedTo.Name, offer.OfferedTo.Email);
            BackupName = offer.Backup.Name;
            (TeamLeadId, TeamLeadName, TeamLeadEmail) = (offer.TeamLead?.Id, offer.TeamLead?.Name, offer.TeamLead?.Email);
            OfferedAt = offer.At.UtcDateTime;
        }
    }

    /// <summary>Takes the severity and the team (and its lead) routing found for a case it could offer to nobody.</summary>
    public void Take(EscalationUnroutable unroutable)
    {
        Severity = unroutable.Severity;
        (TeamId, TeamName) = (unroutable.Team?.Id ?? TeamId, unroutable.Team?.Name ?? TeamName);
        if (unroutable.TeamLead is { } lead)
        {
            (TeamLeadId, TeamLeadName, TeamLeadEmail) = (lead.Id, lead.Name, lead.Email);
        }
    }

    /// <summary>Takes the status Deflected, and the severity and submitter when no other event has told them.</summary>
    public void Take(EscalationDeflected deflected)
    {
        Severity ??= deflected.Severity;
        SubmittedBy ??= deflected.SubmittedBy;
        Follow(EscalationStatus.Deflected, deflected.At);
    }

    /// <summary>Takes the status a commitment was made in, and its severity when no offer has told it.</summary>
    public void Take(CustomerCommitmentUpdated commitment)
    {
        Severity ??= commitment.Severity;
        Follow(commitment.Status, commitment.At);
    }
}

/// <summary>An event about an escalation arrived before one that creates the projection (a threshold before the
/// commitment published with it, or an event from an older sender that carries no key, title or customer): retried
/// until the escalation is known.</summary>
public sealed class EscalationNotYetKnownException(Guid escalationId) : Exception($"Escalation {escalationId} is not known to notification yet.");
