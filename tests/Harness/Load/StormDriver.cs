using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EscalationPlatform.Harness.Load;

/// <summary>What one storm request got: the status, the escalation id the Alertmanager receiver names, and how long
/// the gateway took from the moment the request was due.</summary>
public sealed record StormResult(StormSend Send, int Status, Guid? EscalationId, double LatencyMs, DateTimeOffset SentAt);

/// <summary>Sends a <see cref="StormPlan"/> through the gateway, open loop (each request at its due time, whatever
/// the answers before it): Alertmanager's v4 webhook payloads with an API key holding integrations:alertmanager, and
/// PagerDuty Events v2 triggers with an integration's routing key. Nothing is sent again: a request that fails is
/// counted, not hidden.</summary>
public sealed class StormDriver(Uri gateway, string? alertmanagerKey, string? pagerDutyKey) : IDisposable
{
    public const string AlertmanagerPath = "/api/v1/integrations/alertmanager";
    public const string PagerDutyPath = "/v2/enqueue";

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ConcurrentBag<StormResult> _results = [];

    public IReadOnlyCollection<StormResult> Results => _results;

    /// <summary>How many requests got each answer ("no answer" for none), in status order.</summary>
    public Dictionary<string, int> AnswersByStatus() =>
        _results.GroupBy(sent => sent.Status).OrderBy(group => group.Key)
            .ToDictionary(group => group.Key == 0 ? "no answer" : group.Key.ToString(CultureInfo.InvariantCulture), group => group.Count());

    public async Task RunAsync(StormPlan plan, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        foreach (var send in plan.Sends)
        {
            var wait = send.Due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            inFlight.Add(SendAsync(send, clock, cancellationToken));
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(StormSend send, Stopwatch clock, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.UtcNow - (clock.Elapsed - send.Due);
        using var request = new HttpRequestMessage(HttpMethod.Post, send.Source == StormSource.Alertmanager ? AlertmanagerPath : PagerDutyPath)
        {
            Content = new StringContent(JsonSerializer.Serialize(send.Source == StormSource.Alertmanager ? Group(send) : Trigger(send)), Encoding.UTF8, "application/json"),
        };
        if (send.Source == StormSource.Alertmanager)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                alertmanagerKey ?? throw new InvalidOperationException("The storm sends Alertmanager groups without an API key."));
        }

        var (status, id) = await AttemptAsync(request, cancellationToken);
        _results.Add(new StormResult(send, status, id, (clock.Elapsed - send.Due).TotalMilliseconds, sentAt));
    }

    private async Task<(int Status, Guid? Id)> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode, null);
            }

            using var document = JsonDocument.Parse(body);
            return ((int)response.StatusCode,
                document.RootElement.TryGetProperty("escalationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (0, null); // no answer: a connection refused or reset, or a timeout
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The group's v4 webhook payload with its alerts firing at that moment.</summary>
    private static object Group(StormSend send)
    {
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        return new
        {
            version = "4",
            groupKey = $"{{}}:{{alertname=\"{send.Key}\"}}",
            truncatedAlerts = 0,
            status = "firing",
            receiver = "escalation-platform",
            groupLabels = new Dictionary<string, string> { ["alertname"] = send.Key },
            commonLabels = new Dictionary<string, string> { ["alertname"] = send.Key, ["severity"] = "error", ["service"] = "checkout" },
            commonAnnotations = new Dictionary<string, string> { ["summary"] = $"{send.Key}: checkout error rate above 5%", ["description"] = "5xx from checkout-api" },
            externalURL = "http://alertmanager.example:9093",
            alerts = Enumerable.Range(1, send.Alerts).Select(index => new
            {
                status = "firing",
                labels = new Dictionary<string, string> { ["alertname"] = send.Key, ["instance"] = $"checkout-{index}" },
                annotations = new Dictionary<string, string> { ["summary"] = $"checkout-{index} error rate 7%" },
                startsAt,
                endsAt = DateTimeOffset.MinValue,
                generatorURL = "http://prometheus.example:9090/graph?g0.expr=errors",
                fingerprint = $"{send.Key}-{index}",
            }),
        };
    }

    private object Trigger(StormSend send) => new Dictionary<string, object>
    {
        ["routing_key"] = pagerDutyKey ?? throw new InvalidOperationException("The storm sends PagerDuty events without a routing key."),
        ["event_action"] = "trigger",
        ["dedup_key"] = send.Key,
        ["payload"] = new
        {
            summary = $"{send.Key}: disk on db{send.Sequence % 7} 92% full",
            source = "db.prod.example",
            severity = "warning",
            component = "database",
            group = "prod-db",
        },
    };
}
