using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;
using Polly.Retry;

namespace EscalationPlatform.Harness.Load;

/// <summary>What the audit found.</summary>
public sealed record AuditReport(
    int Accepted,
    int Escalations,
    int Lost,
    int Duplicated,
    int Stuck,
    int RepeatedTransitions,
    int UndeliveredNotifications,
    int DuplicatedNotifications,
    Percentiles SubmissionToOwned,
    double PipelinePerSecond,
    IReadOnlyList<string> Findings,
    int TimersFired = 0,
    int CreatedUnanswered = 0)
{
    public bool Clean => Lost == 0 && Duplicated == 0 && Stuck == 0 && RepeatedTransitions == 0 && UndeliveredNotifications == 0 && DuplicatedNotifications == 0;

    /// <summary>When each settled escalation became owned and on the clock.</summary>
    [JsonIgnore]
    public IReadOnlyList<DateTimeOffset> Completions { get; init; } = [];

    /// <summary>How long after <paramref name="instant"/> the first escalation became owned and on the clock (null: none did).</summary>
    public TimeSpan? FirstCompletionAfter(DateTimeOffset instant) =>
        Completions.Where(done => done >= instant).Select(done => (TimeSpan?)(done - instant)).Min();
}

/// <summary>After a run, once the platform has gone quiet: every submission that got a 202 exists exactly once (one
/// escalation per idempotency key, no escalation nobody submitted), reached its expected state (owned and on the
/// clock, or waiting for the facts it lacks), took each lifecycle step once (one triage, one offer per level, one
/// start of the clocks, one announcement per SLA threshold), and each notification it caused was delivered once per
/// recipient. End-to-end latency comes from the record's own timeline: submitted to owned-and-on-the-clock.</summary>
public sealed class PipelineAudit(HttpClient gateway, HttpClient? mail, TimeProvider? clock = null)
{
    private const int Parallelism = 8;
    private const int ProbeSize = 20;
    private static readonly string[] OncePerEscalation = ["submitted", "triaged", "offered", "clocks-started", "needs-information", "acknowledged"];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private sealed record Observed(JsonElement Record, JsonElement Deliveries);

    public async Task<AuditReport> RunAsync(IReadOnlyCollection<SubmissionResult> results, TimeSpan patience, CancellationToken cancellationToken)
    {
        var findings = new ConcurrentQueue<string>();
        var accepted = results.Where(result => result.EscalationId is not null).ToList();
        var duplicated = 0;
        foreach (var group in accepted.GroupBy(result => result.Case.IdempotencyKey))
        {
            if (group.Select(result => result.EscalationId).Distinct().Count() > 1)
            {
                duplicated++;
                findings.Enqueue($"idempotency key {group.Key} created {group.Select(result => result.EscalationId).Distinct().Count()} escalations");
            }
        }

        var expected = accepted.GroupBy(result => result.EscalationId!.Value).ToDictionary(group => group.Key, group => group.First().Case);
        var observed = await SettleAsync(expected, patience, cancellationToken);
        var lost = expected.Keys.Count(id => !observed.ContainsKey(id));
        foreach (var id in expected.Keys.Where(id => !observed.ContainsKey(id)))
        {
            findings.Enqueue($"{id}: accepted, then not found");
        }

        var stuck = 0;
        var repeated = 0;
        var undelivered = 0;
        var duplicatedNotifications = 0;
        var timersFired = 0;
        var latencies = new List<double>();
        var completions = new List<DateTimeOffset>();
        foreach (var (id, seen) in observed)
        {
            var @case = expected[id];
            var timeline = seen.Record.GetProperty("timeline").EnumerateArray().ToList();
            if (!Settled(seen.Record, @case))
            {
                stuck++;
                findings.Enqueue($"{id}: stuck in {seen.Record.GetProperty("status").GetString()}");
            }

            foreach (var what in OncePerEscalation)
            {
                var count = timeline.Count(entry => entry.GetProperty("what").GetString() == what);
                if (count > 1)
                {
                    repeated++;
                    findings.Enqueue($"{id}: '{what}' {count} times");
                }
            }

            timersFired += timeline.Count(entry => entry.GetProperty("what").GetString() is "sla-warning" or "sla-breached" or "offer-moved");
            foreach (var group in timeline.Where(entry => entry.GetProperty("what").GetString() is "sla-warning" or "sla-breached" or "offer-moved")
                .GroupBy(entry => (entry.GetProperty("what").GetString(), entry.TryGetProperty("detail", out var detail) ? detail.GetString() : null)).Where(group => group.Count() > 1))
            {
                repeated++;
                findings.Enqueue($"{id}: '{group.Key.Item1}' ({group.Key.Item2}) {group.Count()} times");
            }

            var deliveries = seen.Deliveries.GetProperty("items").EnumerateArray().ToList();
            foreach (var delivery in deliveries.Where(delivery => delivery.GetProperty("status").GetString() != "delivered"))
            {
                undelivered++;
                findings.Enqueue($"{id}: delivery to {delivery.GetProperty("recipient").GetString()} is {delivery.GetProperty("status").GetString()}");
            }

            foreach (var group in deliveries.GroupBy(delivery => (Text(delivery, "channel"), Text(delivery, "recipient"), Text(delivery, "subject"))).Where(group => group.Count() > 1))
            {
                duplicatedNotifications++;
                findings.Enqueue($"{id}: {group.Count()} deliveries of '{group.Key.Item3}' to {group.Key.Item2}");
            }

            var submitted = At(timeline, "submitted");
            var owned = At(timeline, "offered");
            var onClock = At(timeline, "clocks-started");
            if (submitted is not null && owned is not null && onClock is not null)
            {
                var done = owned > onClock ? owned.Value : onClock.Value;
                latencies.Add((done - submitted.Value).TotalMilliseconds);
                completions.Add(done);
            }
        }

        duplicatedNotifications += await DuplicatedMailAsync(expected.Values.Select(@case => @case.ExternalReference).ToHashSet(), findings, cancellationToken);
        // An escalation the client never heard of is either one whose every answer was lost (the client gave up; its
        // next retry with the same key would get it back) or one nobody submitted, which would be a duplicate.
        var unanswered = results.Where(result => result.EscalationId is null).Select(result => result.Case.ExternalReference)
            .Except(accepted.Select(result => result.Case.ExternalReference)).ToHashSet();
        var unknownByReference = (await UnknownEscalationsAsync(expected.Keys.ToHashSet(), cancellationToken))
            .GroupBy(unknown => CaseMix.ReferenceIn(unknown.Title));
        var createdUnanswered = 0;
        foreach (var group in unknownByReference)
        {
            var answerLost = group.Key is not null && unanswered.Contains(group.Key);
            createdUnanswered += answerLost ? 1 : 0;
            foreach (var (id, _) in group.Skip(answerLost ? 1 : 0))
            {
                duplicated++;
                findings.Enqueue($"{id}: an escalation nobody submitted");
            }
        }

        var first = accepted.Count == 0 ? _clock.GetUtcNow() : accepted.Min(result => result.SentAt);
        var last = completions.Count == 0 ? first : completions.Max();
        var perSecond = completions.Count == 0 || last <= first ? 0 : completions.Count / (last - first).TotalSeconds;
        return new AuditReport(accepted.Count, expected.Count, lost, duplicated, stuck, repeated, undelivered, duplicatedNotifications,
            Percentiles.Of(latencies), perSecond, [.. findings.Take(50)], timersFired, createdUnanswered) { Completions = completions };
    }

    /// <summary>Reads every escalation (and its deliveries) until all have settled or patience runs out. While the
    /// newest cases have not settled the pipeline is still busy, and reading only them keeps the audit from
    /// competing with the work it waits for.</summary>
    private async Task<Dictionary<Guid, Observed>> SettleAsync(Dictionary<Guid, CaseToSend> expected, TimeSpan patience, CancellationToken cancellationToken)
    {
        var observed = new ConcurrentDictionary<Guid, Observed>();
        bool Done(Guid id) => observed.TryGetValue(id, out var seen) && Settled(seen.Record, expected[id]) && !Pending(seen.Deliveries);

        var pending = expected.Keys.OrderBy(id => expected[id].Sequence).ToList();
        var deadline = _clock.GetUtcNow() + patience;
        while (true)
        {
            var newest = pending[Math.Max(0, pending.Count - ProbeSize)..];
            await ReadAsync(newest, observed, cancellationToken);
            var overdue = _clock.GetUtcNow() > deadline;
            if (newest.All(Done) || overdue)
            {
                await ReadAsync(pending[..^newest.Count], observed, cancellationToken);
                pending = [.. pending.Where(id => !Done(id))];
                if (pending.Count == 0 || overdue)
                {
                    return new Dictionary<Guid, Observed>(observed);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private async Task ReadAsync(IReadOnlyList<Guid> ids, ConcurrentDictionary<Guid, Observed> observed, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, token) =>
        {
            var record = await GetAsync($"/api/v1/escalations/{id}", token);
            if (record is null)
            {
                observed.TryRemove(id, out _);
                return;
            }

            var deliveries = await GetAsync($"/api/v1/notifications?escalationId={id}&limit=100", token);
            observed[id] = new Observed(record.Value, deliveries ?? default);
        });

    /// <summary>Complete cases end owned and on the clock; incomplete ones wait for their facts (an S1 goes on).</summary>
    private static bool Settled(JsonElement record, CaseToSend @case)
    {
        var status = record.GetProperty("status").GetString();
        var timeline = record.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("what").GetString()).ToHashSet();
        var owned = status is not ("submitted" or "triaged" or "needs-information") && timeline.Contains("offered") && timeline.Contains("clocks-started");
        return @case.Incomplete ? owned || status == "needs-information" : owned;
    }

    private static bool Pending(JsonElement deliveries) =>
        deliveries.ValueKind == JsonValueKind.Object && deliveries.GetProperty("items").EnumerateArray().Any(delivery => delivery.GetProperty("status").GetString() == "pending");

    /// <summary>A failed read is tried again ten times, a second longer each time (55 s in all): a service, or the database
    /// behind it, restarting under a fault, which on a busy machine can answer 503 for more than ten seconds.</summary>
    private readonly ResiliencePipeline _readRetries = new ResiliencePipelineBuilder { TimeProvider = clock ?? TimeProvider.System }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
            MaxRetryAttempts = 10,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromSeconds(1),
        })
        .Build();

    private async Task<JsonElement?> GetAsync(string path, CancellationToken cancellationToken) =>
        await _readRetries.ExecuteAsync(async token =>
        {
            using var response = await gateway.GetAsync(path, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (JsonElement?)null;
            }

            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(token));
            return document.RootElement.Clone();
        }, cancellationToken);

    /// <summary>The same delivery sent twice (a crash between sending and recording it) shows as two mails with one
    /// subject. Only mail about the audited cases counts: the mail server may hold other runs' mail.</summary>
    private async Task<int> DuplicatedMailAsync(HashSet<string> references, ConcurrentQueue<string> findings, CancellationToken cancellationToken)
    {
        if (mail is null)
        {
            return 0;
        }

        using var page = JsonDocument.Parse(await mail.GetStringAsync("/api/messages?page=1&pageSize=100000", cancellationToken));
        var messages = page.RootElement.GetProperty("results").EnumerateArray()
            .Select(message => (To: string.Join(",", message.GetProperty("to").EnumerateArray().Select(to => to.GetString())), Subject: message.GetProperty("subject").GetString()))
            .Where(message => CaseMix.ReferenceIn(message.Subject) is { } reference && references.Contains(reference));
        var duplicates = 0;
        foreach (var group in messages.GroupBy(message => message).Where(group => group.Count() > 1))
        {
            duplicates++;
            findings.Enqueue($"mail '{group.Key.Subject}' to {group.Key.To} received {group.Count()} times");
        }

        return duplicates;
    }

    private async Task<IReadOnlyList<(Guid Id, string? Title)>> UnknownEscalationsAsync(HashSet<Guid> expected, CancellationToken cancellationToken)
    {
        var unknown = new List<(Guid Id, string? Title)>();
        string? cursor = null;
        do
        {
            var page = (await GetAsync($"/api/v1/escalations?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}", cancellationToken))!.Value;
            unknown.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(item => (Id: item.GetProperty("id").GetGuid(), Title: Text(item, "title")))
                .Where(item => !expected.Contains(item.Id)));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);
        return unknown;
    }

    private static DateTimeOffset? At(List<JsonElement> timeline, string what) =>
        timeline.FirstOrDefault(entry => entry.GetProperty("what").GetString() == what) is { ValueKind: JsonValueKind.Object } entry
            ? entry.GetProperty("at").GetDateTimeOffset()
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;
}
