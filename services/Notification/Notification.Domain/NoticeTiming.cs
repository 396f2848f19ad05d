using EscalationPlatform.Contracts;

namespace Notification.Domain;

/// <summary>When a notice goes out, and whether it waits to be gathered into a digest (SPEC §7: no noise). Urgent
/// notices (S1/S2 cases, and every breach) and everything for the customer or a channel go at once. A non-urgent
/// email to one of the tenant's people waits for the digest window (joining the recipient's digest already waiting,
/// if any), and, when that ends in the person's quiet hours, until those end. One that asks the person to act (an
/// offer, a handoff) never waits for a digest, but does wait out quiet hours: an S3 does not wake anyone, and its
/// escalation policy moves on as for anyone who does not answer.</summary>
public static class NoticeTiming
{
    /// <summary>S1/S2 cases, every breach, and a problem record raised (many customers hit by one fault: leadership hears of
    /// it at once, in a message of its own).</summary>
    public static bool IsUrgent(NoticeEvent notice, Severity? severityNow) =>
        notice is NoticeEvent.SlaBreach or NoticeEvent.ProblemRaised || severityNow is Severity.S1 or Severity.S2;

    /// <summary>Digests fall due on whole slots, so that notices planned at the same moment by concurrent consumers (none
    /// seeing the other's yet) fall due together and go as one digest, whichever replica takes them.</summary>
    public static readonly TimeSpan DigestSlot = TimeSpan.FromSeconds(10);

    private static DateTimeOffset Slot(DateTimeOffset at) =>
        new(at.UtcTicks % DigestSlot.Ticks == 0 ? at.UtcTicks : at.UtcTicks + DigestSlot.Ticks - at.UtcTicks % DigestSlot.Ticks, TimeSpan.Zero);

    /// <summary>Asks the recipient to act within a window.</summary>
    public static bool AsksToAct(NoticeEvent notice) =>
        notice is NoticeEvent.Offered or NoticeEvent.OfferMoved or NoticeEvent.OfferReplanned or NoticeEvent.HandoffRequested;

    /// <summary>When to send a notice, and whether it is gathered with others to the same recipient; <c>waiting</c> is
    /// when the recipient's digest already waiting is due (null: none).</summary>
    public static Timing When(Notice notice, Severity? severityNow, DateTimeOffset now, TimeSpan digestWindow, PersonPreferences? preferences,
        DateTimeOffset? waiting)
    {
        if (!notice.IsInternalEmail || IsUrgent(notice.Event, severityNow))
        {
            return new Timing(now, Digest: false);
        }

        var gathers = !AsksToAct(notice.Event) && digestWindow > TimeSpan.Zero; // no window: each at once, never a digest
        var due = gathers ? Slot(now + digestWindow) : now;
        if (gathers && waiting is { } joined && joined >= now && joined <= due)
        {
            due = joined;
        }

        if (preferences?.QuietHours is { } quiet && TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone, out var zone))
        {
            due = quiet.EndAfter(due, zone);
        }

        return new Timing(due, Digest: due > now);
    }
}

/// <summary>When a notice is due, and whether it is sent with the recipient's other digest notices due by then.</summary>
public sealed record Timing(DateTimeOffset Due, bool Digest);
