using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>Who an escalation can be offered to: its owner and backup from the rotation, and the team lead, if the
/// team has one.</summary>
public sealed record OfferParties(string OwnerId, string BackupId, string? LeadId);

/// <summary>An offer: the level of the ladder it stands at, to whom, why, and by when they must acknowledge it.</summary>
public sealed record OfferStep(OfferLevel Level, string OfferedToId, string Reason, DateTimeOffset RespondBy);

/// <summary>Moves an offer up the escalation ladder (<see cref="EscalationLadder"/>): first to the owner, and when
/// no one acknowledges within the window, to the backup, then to the team lead; a team without a lead tops out at
/// the backup. Each offer gets a fresh window from the moment it is made.</summary>
public static class OfferLadder
{
    /// <summary>The first offer, to the owner the team's strategy chose (<paramref name="how"/>: "least loaded in Billing").</summary>
    public static OfferStep First(OfferParties parties, TeamChoice choice, string how, TimeSpan window, DateTimeOffset now) =>
        new(OfferLevel.Owner, parties.OwnerId, $"{choice.Reason}, {how}", now + window);

    /// <summary>The offer after an unanswered one at <paramref name="current"/>; null at the top of the ladder.</summary>
    public static OfferStep? Next(OfferLevel current, OfferParties parties, TimeSpan window, DateTimeOffset now) =>
        EscalationLadder.Next(current) switch
        {
            OfferLevel.Backup => new(OfferLevel.Backup, parties.BackupId, Unanswered(window), now + window),
            OfferLevel.TeamLead when parties.LeadId is { } lead => new(OfferLevel.TeamLead, lead, Unanswered(window), now + window),
            _ => null,
        };

    /// <summary>The unanswered offer at <paramref name="level"/> after a severity change: the same person, with the new
    /// severity's window from <paramref name="now"/>.</summary>
    public static OfferStep Replanned(OfferLevel level, string offeredToId, EscalationSeverityChanged change, TimeSpan window, DateTimeOffset now) =>
        new(level, offeredToId, $"severity changed from {change.From} to {change.To} by {change.Actor.Name}: {Describe(window)} to acknowledge", now + window);

    /// <summary>Whether an unanswered offer at <paramref name="current"/> can move up (false at the top of the ladder).</summary>
    public static bool CanMoveUp(OfferLevel current, OfferParties parties) => Next(current, parties, TimeSpan.Zero, DateTimeOffset.UnixEpoch) is not null;

    /// <summary>Why an offer moved up: "no acknowledgement within 5 minutes".</summary>
    public static string Unanswered(TimeSpan window) => $"no acknowledgement within {Describe(window)}";

    /// <summary>A window in words: minutes from one minute up, seconds below ("1.5 minutes", "30 seconds").</summary>
    public static string Describe(TimeSpan window) =>
        window.TotalMinutes >= 1 ? $"{window.TotalMinutes:0.#} minutes" : $"{window.TotalSeconds:0.#} seconds";
}
