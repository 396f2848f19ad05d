namespace EscalationPlatform.Harness.Load;

/// <summary>The monitoring source an alert comes from.</summary>
public enum StormSource
{
    /// <summary>An Alertmanager webhook POST: the whole group, with its current alerts.</summary>
    Alertmanager,

    /// <summary>A PagerDuty Events v2 trigger.</summary>
    PagerDuty,
}

/// <summary>One request of a storm: which source, which alert group or dedup key, how many alerts the group holds at
/// that moment (Alertmanager), and when it is due from the start of the run.</summary>
public sealed record StormSend(int Sequence, StormSource Source, string Key, int Alerts, TimeSpan Due);

/// <summary>An alert storm: Alertmanager POSTs over a number of alert groups and PagerDuty triggers over a number of
/// dedup keys, each group or key sent about as often as the others, in a given time. Front-loaded, as a real storm
/// is: every group's first alert comes in the first quarter of the run, and its repeats thin out towards the end.
/// With no resolves, each group and each key is exactly one escalation. Deterministic for a seed; a duration of
/// zero sends everything at once.</summary>
public sealed record StormPlan(string RunId, IReadOnlyList<StormSend> Sends, int Groups, int Keys)
{
    public const int MaxAlertsPerGroup = 40;

    public int ExpectedEscalations => Groups + Keys;

    /// <summary>Titles start with the group or key name and a colon (<see cref="KeyIn"/>).</summary>
    public string GroupName(int group) => $"storm-{RunId}-am-{group:D3}";

    public string DedupKey(int key) => $"storm-{RunId}-pd-{key:D3}";

    /// <summary>The group or key an escalation's title names, if it names one.</summary>
    public static string? KeyIn(string? title) => title?.IndexOf(':', StringComparison.Ordinal) is int end and > 0 ? title[..end] : null;

    public static StormPlan Create(string runId, int alerts, int events, int groups, int keys, TimeSpan duration, int seed = 11)
    {
        if (groups < 0 || keys < 0 || groups + keys == 0 || alerts < groups || events < keys || (groups == 0 && alerts > 0) || (keys == 0 && events > 0))
        {
            throw new ArgumentException("Every group and every key needs at least one alert, and every alert a group or key.");
        }

        var random = new Random(seed);
        var plan = new StormPlan(runId, [], groups, keys);
        var sends = new List<StormSend>();
        for (var group = 0; group < groups; group++)
        {
            var largest = 1 + random.Next(MaxAlertsPerGroup);
            var times = Times(random, Share(alerts, groups, group), duration);
            sends.AddRange(times.Select((due, index) => new StormSend(0, StormSource.Alertmanager, plan.GroupName(group), Math.Min(largest, 1 + index), due)));
        }

        for (var key = 0; key < keys; key++)
        {
            sends.AddRange(Times(random, Share(events, keys, key), duration).Select(due => new StormSend(0, StormSource.PagerDuty, plan.DedupKey(key), 1, due)));
        }

        return plan with { Sends = [.. sends.OrderBy(send => send.Due).Select((send, index) => send with { Sequence = index + 1 })] };
    }

    /// <summary>An even split, the remainder going to the first ones.</summary>
    private static int Share(int total, int parts, int index) => total / parts + (index < total % parts ? 1 : 0);

    /// <summary>The first within the first quarter; the rest after it, denser early on (the square of a uniform draw).</summary>
    private static List<TimeSpan> Times(Random random, int count, TimeSpan duration)
    {
        var first = duration / 4 * random.NextDouble();
        var rest = duration - first;
        return [first, .. Enumerable.Range(1, count - 1).Select(_ => first + rest * Math.Pow(random.NextDouble(), 2)).Order()];
    }
}
