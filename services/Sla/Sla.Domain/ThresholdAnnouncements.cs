using EscalationPlatform.Contracts;

namespace Sla.Domain;

/// <summary>One threshold to tell the world about: which clock, a warning or the breach, how far along, when the
/// clock is (or was) due, when the threshold fell, and by how much the announcement is late (null when on time).</summary>
public sealed record Announcement(ClockKind Clock, ThresholdKind Kind, int PercentElapsed, DateTimeOffset DueAt, DateTimeOffset ReachedAt, TimeSpan? LateBy);

/// <summary>What to announce now, and every threshold key announced so far (these included). A warning passed over
/// because its clock stopped is remembered too: it is never news later either.</summary>
public sealed record AnnouncementPlan(IReadOnlyList<Announcement> Announcements, IReadOnlySet<string> Announced);

/// <summary>Which thresholds of a clock report to announce: each reached threshold once, by its key; a warning only
/// while its clock (that cycle of it) still runs or has breached, a breach always. An announcement made more than
/// <see cref="LateTolerance"/> after its threshold fell is flagged late (the service was down then).</summary>
public static class ThresholdAnnouncements
{
    /// <summary>A threshold announced this much later than it fell is flagged late.</summary>
    public static readonly TimeSpan LateTolerance = TimeSpan.FromSeconds(5);

    public static AnnouncementPlan Plan(ClockReport report, IEnumerable<string> alreadyAnnounced, DateTimeOffset now)
    {
        var announced = new HashSet<string>(alreadyAnnounced);
        var announcements = new List<Announcement>();
        foreach (var threshold in report.Reached)
        {
            if (!announced.Add(threshold.Key))
            {
                continue; // announced before
            }

            if (!threshold.IsBreach && !StillCounts(report, threshold))
            {
                continue; // a warning for a clock that has since stopped is no longer news
            }

            announcements.Add(new(
                threshold.Clock,
                threshold.IsBreach ? ThresholdKind.Breach : ThresholdKind.Warning,
                threshold.Percent,
                threshold.DueAt ?? threshold.At,
                threshold.At,
                LateBy(threshold.At, now)));
        }

        return new(announcements, announced);
    }

    /// <summary>How late an announcement at <paramref name="now"/> is for a threshold that fell at <paramref name="reachedAt"/>;
    /// null within the tolerance.</summary>
    public static TimeSpan? LateBy(DateTimeOffset reachedAt, DateTimeOffset now) => now - reachedAt > LateTolerance ? now - reachedAt : null;

    /// <summary>Whether the threshold's clock, in the threshold's cycle, is still running (or running past its target).</summary>
    private static bool StillCounts(ClockReport report, Threshold threshold) =>
        report.Clocks.Any(clock => clock.Kind == threshold.Clock && clock.Cycle == threshold.Cycle && clock.State is ClockState.Running or ClockState.Breached);
}
