using EscalationPlatform.Contracts;
using Routing.Api.Offers;
using Routing.Domain;

namespace Routing.Api.Handoffs;

/// <summary>A handoff of one escalation (at most one open at a time): who asked whom, why, and where it stands.</summary>
public sealed class HandoffRow
{
    public const string Open = "proposed";

    public required Guid Id { get; init; }

    public required string TenantId { get; init; }

    public required Guid EscalationId { get; init; }

    /// <summary>"proposed", "accepted", "rejected" or "expired".</summary>
    public string State { get; set; } = Open;

    public string? FromId { get; init; }

    public string? FromName { get; init; }

    public string? FromEmail { get; init; }

    public required string RequestedById { get; init; }

    public required string RequestedByName { get; init; }

    public required ActorKind RequestedByKind { get; init; }

    public required string ToTeamId { get; init; }

    public required string ToTeamName { get; init; }

    /// <summary>The person named in the request; null for a handoff to a team.</summary>
    public string? ToMemberId { get; init; }

    public HandoffLevel Level { get; set; }

    /// <summary>The person asked now; null while any member of the team may take it.</summary>
    public string? AskedId { get; set; }

    public string? AskedName { get; set; }

    public string? AskedEmail { get; set; }

    public string? LeadId { get; init; }

    public string? LeadName { get; init; }

    public string? LeadEmail { get; init; }

    public required string Reason { get; init; }

    public required string ContextSummary { get; init; }

    public required string[] ActionsTaken { get; init; }

    public TimeSpan Window { get; init; }

    public DateTime RespondBy { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? AnsweredAt { get; set; }

    public string? AnsweredById { get; set; }

    public string? AnsweredByName { get; set; }

    public string? AnsweredByEmail { get; set; }

    public string? Answer { get; set; }

    public Guid? TimeoutTokenId { get; set; }

    public uint RowVersion { get; set; }

    public EscalationHandoff Event(HandoffStep step, DateTimeOffset at, OfferState offer) => new()
    {
        HandoffId = Id,
        EscalationId = EscalationId,
        TenantId = TenantId,
        Step = step,
        From = FromId is null ? null : new MemberRef(FromId, FromName!, FromEmail!),
        RequestedBy = new Actor(RequestedByKind, RequestedById, RequestedByName),
        ToTeam = new TeamRef(ToTeamId, ToTeamName),
        ToTeamLead = LeadId is null ? null : new MemberRef(LeadId, LeadName!, LeadEmail!),
        AskedNow = AskedId is null ? null : new MemberRef(AskedId, AskedName!, AskedEmail!),
        Reason = Reason,
        ContextSummary = ContextSummary,
        ActionsTaken = ActionsTaken,
        RespondBy = new DateTimeOffset(DateTime.SpecifyKind(RespondBy, DateTimeKind.Utc)),
        AnsweredBy = AnsweredById is null ? null : new MemberRef(AnsweredById, AnsweredByName!, AnsweredByEmail!),
        Answer = Answer,
        At = at,
        Key = offer.Key,
        Title = offer.Title,
        Severity = (Severity)offer.Severity,
    };
}

/// <summary>A handoff's answer window ended at <see cref="Level"/> (a timeout for an older level is stale).</summary>
public sealed record HandoffDue(Guid HandoffId, HandoffLevel Level);
