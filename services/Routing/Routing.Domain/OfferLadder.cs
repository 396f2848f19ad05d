using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>An offer: the level of the escalation policy it stands at, to whom, why, and by when they must acknowledge it.</summary>
public sealed record OfferStep(OfferLevel Level, string OfferedToId, string Reason, DateTimeOffset RespondBy);

/// <summary>The words and deadlines of offers as they climb an escalation policy (<see cref="PolicyPlan"/>): each
/// offer gets its level's window from the moment it is made.</summary>
public static class OfferLadder
{
    /// <summary>The first offer, to the person the policy's first level names (<paramref name="how"/>: "least loaded in Billing").</summary>
    public static OfferStep First(OfferLevel level, string offeredToId, TeamChoice choice, string how, TimeSpan window, DateTimeOffset now) =>
        new(level, offeredToId, $"{choice.Reason}, {how}", now + window);

    /// <summary>The offer after an unanswered one that waited <paramref name="waited"/>, to the person the next level names.</summary>
    public static OfferStep Next(PlannedLevel level, string offeredToId, TimeSpan waited, TimeSpan window, DateTimeOffset now) =>
        new(level.Target, offeredToId, level.Round > 0 ? $"{Unanswered(waited)}; {level.Policy}, repeat {level.Round}" : Unanswered(waited), now + window);

    /// <summary>The unanswered offer at <paramref name="level"/> after a severity change: the same person, with the new
    /// severity's window from <paramref name="now"/>.</summary>
    public static OfferStep Replanned(OfferLevel level, string offeredToId, EscalationSeverityChanged change, TimeSpan window, DateTimeOffset now) =>
        new(level, offeredToId, $"severity changed from {change.From} to {change.To} by {change.Actor.Name}: {Describe(window)} to acknowledge", now + window);

    /// <summary>Why an offer moved up: "no acknowledgement within 5 minutes".</summary>
    public static string Unanswered(TimeSpan window) => $"no acknowledgement within {Describe(window)}";

    /// <summary>A window in words: minutes from one minute up, seconds below ("1.5 minutes", "30 seconds").</summary>
    public static string Describe(TimeSpan window) =>
        window.TotalMinutes >= 1 ? $"{window.TotalMinutes:0.#} minutes" : $"{window.TotalSeconds:0.#} seconds";
}
