using System.Security.Cryptography;
using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>The status changes intake does not publish because another event already is the fact (one event per
/// fact): the move to Triaged is <see cref="EscalationTriaged"/>, the first offer's move from Triaged to Assigned is
/// <see cref="EscalationOffered"/>. Notification derives the EscalationStatusChanged each stands for, so the
/// projection follows the status and webhook subscribers keep receiving escalation.status-changed for both. A case
/// triaged at submission has no EscalationSubmitted either: its EscalationTriaged says so and stands for it.</summary>
public static class ImpliedStatusChanges
{
    /// <summary>The submission an EscalationTriaged also announces (<see cref="EscalationTriaged.AnnouncesSubmission"/>),
    /// as EscalationSubmitted would have said it; null when it announces only the triage.</summary>
    public static EscalationSubmitted? Submission(EscalationTriaged triaged) => !triaged.AnnouncesSubmission
        ? null
        : new()
        {
            EscalationId = triaged.EscalationId,
            TenantId = triaged.TenantId,
            Key = triaged.Key,
            Title = triaged.Title,
            Facts = triaged.Facts,
            SubmittedBy = triaged.SubmittedBy,
        };

    public static EscalationStatusChanged Of(EscalationTriaged triaged) => new()
    {
        EscalationId = triaged.EscalationId,
        TenantId = triaged.TenantId,
        Key = triaged.Key,
        From = triaged.From,
        To = EscalationStatus.Triaged,
        Actor = Actor.Service("triage"),
        Reason = triaged.Reason,
        At = triaged.TriagedAt,
    };

    /// <summary>The first offer assigns the case (intake moves it from Triaged to Assigned); a later offer, one moved
    /// up the escalation policy (it names who was offered it before), changes no status.</summary>
    public static EscalationStatusChanged? Of(EscalationOffered offer, string key) => offer.PreviouslyOfferedTo is not null
        ? null
        : new()
        {
            EscalationId = offer.EscalationId,
            TenantId = offer.TenantId,
            Key = key,
            From = EscalationStatus.Triaged,
            To = EscalationStatus.Assigned,
            Actor = Actor.Service("routing"),
            Reason = offer.Reason,
            At = offer.At,
        };

    /// <summary>The id of the derived event: the same for every delivery of the source event (so its webhooks are
    /// deduplicated under redelivery) and distinct from the source event's own id.</summary>
    public static Guid EventId(Guid sourceEventId) => Derived(sourceEventId, (byte)'s');

    /// <summary>The id of the derived submission event, as <see cref="EventId"/> but distinct from it.</summary>
    public static Guid SubmissionEventId(Guid sourceEventId) => Derived(sourceEventId, (byte)'u');

    private static Guid Derived(Guid sourceEventId, byte kind)
    {
        Span<byte> input = stackalloc byte[16 + 1];
        sourceEventId.TryWriteBytes(input);
        input[16] = kind;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a custom, name-based id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16]);
    }
}
