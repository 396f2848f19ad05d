using System.Text.Json;

namespace EscalationPlatform.Harness.Load;

/// <summary>What became of one alert group or dedup key: the requests accepted for it, the escalations it opened
/// (exactly one when nothing was lost or doubled), the repeats noted on it, and the time from its first request to
/// the escalation's offer.</summary>
public sealed record StormKey(string Key, StormSource Source, int Accepted, IReadOnlyList<Guid> Escalations, int Repeats, double? FirstAlertToOfferedMs);

/// <summary>What the storm audit found.</summary>
public sealed record StormReport(
    int Expected,
    int Escalations,
    int Lost,
    int Doubled,
    int Unsettled,
    int RepeatedSteps,
    int AcceptedEvents,
    int RepeatEntries,
    int RepeatsMissing,
    int DuplicatedDeliveries,
    Percentiles FirstAlertToOffered,
    IReadOnlyList<StormKey> Keys,
    IReadOnlyList<string> Findings)
{
    /// <summary>Exactly one escalation per group and key, each owned and on the clock, every step once, every accepted
    /// event either the one that opened it or one repeat on it.</summary>
    public bool Clean => Escalations == Expected && Lost == 0 && Doubled == 0 && Unsettled == 0 && RepeatedSteps == 0 && RepeatsMissing == 0
        && DuplicatedDeliveries == 0 && AcceptedEvents == RepeatEntries + Expected;
}

/// <summary>After a storm, reads the tenant's escalations (the tenant holds the storm's only) until every one is owned
/// and on the clock and its notifications are sent, or patience runs out; then checks exactly-once against what was
/// accepted. An escalation's title starts with its group or key (<see cref="StormPlan.KeyIn"/>), so one opened by a
/// request whose answer was lost is found too; the Alertmanager receiver also names the escalation it touched, which
/// must be that one.</summary>
public sealed class StormAudit(HttpClient reader)
{
    private const int Parallelism = 8;
    private static readonly string[] OncePerEscalation = ["submitted", "triaged", "offered", "clocks-started"];

    private sealed record Observed(Guid Id, JsonElement Record, JsonElement Deliveries)
    {
        public List<JsonElement> Timeline => [.. Record.GetProperty("timeline").EnumerateArray()];

        public int Count(string what) => Timeline.Count(entry => entry.GetProperty("what").GetString() == what);

        public DateTimeOffset? At(string what) =>
            Timeline.FirstOrDefault(entry => entry.GetProperty("what").GetString() == what) is { ValueKind: JsonValueKind.Object } entry
                ? entry.GetProperty("at").GetDateTimeOffset()
                : null;

        public bool Settled =>
            Record.GetProperty("status").GetString() is not ("submitted" or "triaged" or "needs-information") && Count("offered") > 0 && Count("clocks-started") > 0
            && !(Deliveries.ValueKind == JsonValueKind.Object
                && Deliveries.GetProperty("items").EnumerateArray().Any(delivery => delivery.GetProperty("status").GetString() == "pending"));
    }

    public async Task<StormReport> RunAsync(StormPlan plan, IReadOnlyCollection<StormResult> results, TimeSpan patience, CancellationToken cancellationToken)
    {
        var observed = await SettleAsync(plan.ExpectedEscalations, patience, cancellationToken);
        var findings = new List<string>();
        var byKey = observed.GroupBy(seen => StormPlan.KeyIn(seen.Record.GetProperty("title").GetString()) ?? "").ToDictionary(group => group.Key, group => group.ToList());
        var keys = new List<StormKey>();
        int lost = 0, doubled = 0, unsettled = 0, repeatedSteps = 0, missing = 0, duplicatedDeliveries = 0;
        foreach (var sends in results.GroupBy(result => (result.Send.Key, result.Send.Source)))
        {
            var accepted = sends.Count(result => result.Status == 202);
            var found = byKey.GetValueOrDefault(sends.Key.Key) ?? [];
            if (found.Count == 0 && accepted > 0)
            {
                lost++;
                findings.Add($"{sends.Key.Key}: {accepted} accepted, no escalation");
            }

            if (found.Count > 1)
            {
                doubled += found.Count - 1;
                findings.Add($"{sends.Key.Key}: {found.Count} escalations");
            }

            var named = sends.Select(result => result.EscalationId).OfType<Guid>().Distinct().Where(id => found.All(seen => seen.Id != id)).ToList();
            foreach (var id in named)
            {
                findings.Add($"{sends.Key.Key}: the receiver named {id}, which is not the group's escalation");
            }

            var repeats = found.Sum(seen => seen.Count("alert-repeated"));
            if (found.Count == 1 && repeats != accepted - 1)
            {
                missing += Math.Abs(accepted - 1 - repeats);
                findings.Add($"{sends.Key.Key}: {accepted} accepted, {repeats} repeats noted (expected {accepted - 1})");
            }

            foreach (var seen in found)
            {
                if (!seen.Settled)
                {
                    unsettled++;
                    findings.Add($"{sends.Key.Key}: {seen.Id} is {seen.Record.GetProperty("status").GetString()}, not owned and on the clock");
                }

                foreach (var what in OncePerEscalation.Where(what => seen.Count(what) > 1))
                {
                    repeatedSteps++;
                    findings.Add($"{sends.Key.Key}: '{what}' {seen.Count(what)} times");
                }

                duplicatedDeliveries += DuplicatedDeliveries(sends.Key.Key, seen, findings);
            }

            var firstSent = sends.Min(result => result.SentAt);
            var offered = found.Count == 1 ? found[0].At("offered") : null;
            keys.Add(new StormKey(sends.Key.Key, sends.Key.Source, accepted, [.. found.Select(seen => seen.Id)], repeats,
                offered is null ? null : (offered.Value - firstSent).TotalMilliseconds));
        }

        var unknown = observed.Where(seen => !keys.Any(key => key.Escalations.Contains(seen.Id))).ToList();
        doubled += unknown.Count;
        findings.AddRange(unknown.Select(seen => $"{seen.Id}: an escalation no storm request names ('{seen.Record.GetProperty("title").GetString()}')"));
        return new StormReport(plan.ExpectedEscalations, observed.Count, lost, doubled, unsettled, repeatedSteps,
            results.Count(result => result.Status == 202), observed.Sum(seen => seen.Count("alert-repeated")), missing, duplicatedDeliveries,
            Percentiles.Of(keys.Select(key => key.FirstAlertToOfferedMs).OfType<double>()), keys, [.. findings.Take(50)]);
    }

    /// <summary>The same notification (channel, recipient, subject) delivered twice.</summary>
    private static int DuplicatedDeliveries(string key, Observed seen, List<string> findings)
    {
        if (seen.Deliveries.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        var duplicates = seen.Deliveries.GetProperty("items").EnumerateArray()
            .GroupBy(delivery => (Text(delivery, "channel"), Text(delivery, "recipient"), Text(delivery, "subject"))).Where(group => group.Count() > 1).ToList();
        findings.AddRange(duplicates.Select(group => $"{key}: {group.Count()} deliveries of '{group.Key.Item3}' to {group.Key.Item2}"));
        return duplicates.Count;
    }

    /// <summary>Polls the tenant until it holds at least the expected escalations and all have settled, or patience
    /// runs out.</summary>
    private async Task<IReadOnlyList<Observed>> SettleAsync(int expected, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (true)
        {
            var ids = await ListAsync(cancellationToken);
            var observed = await ReadAsync(ids, cancellationToken);
            if ((observed.Count >= expected && observed.All(seen => seen.Settled)) || DateTimeOffset.UtcNow > deadline)
            {
                return observed;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // polling the platform, which has no "done" signal to wait on
        }
    }

    private async Task<List<Guid>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetAsync($"/api/v1/escalations?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}", cancellationToken);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }

    private async Task<List<Observed>> ReadAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var observed = new Observed[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) => observed[index] = new Observed(ids[index],
                await GetAsync($"/api/v1/escalations/{ids[index]}", token), await GetAsync($"/api/v1/notifications?escalationId={ids[index]}&limit=100", token)));
        return [.. observed];
    }

    private async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await reader.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
