using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EscalationPlatform.Harness.Load;

/// <summary>What one submission got: the status, the escalation id when accepted, and how long intake took.</summary>
public sealed record SubmissionResult(CaseToSend Case, int Status, Guid? EscalationId, double LatencyMs, DateTimeOffset SentAt);

/// <summary>Submits escalations through the gateway, either at a constant arrival rate (open loop: latency counts
/// from the moment each request was due, so a slow answer cannot hide the queue behind it) or from N clients that
/// each send the next as soon as the last is answered (closed loop).</summary>
public sealed class LoadDriver(Uri gateway, string token, CaseMix mix) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        EnableMultipleHttp2Connections = true,
    })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private readonly ConcurrentBag<SubmissionResult> _results = [];

    public IReadOnlyCollection<SubmissionResult> Results => _results;

    public async Task RunAtRateAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var index = 0; ; index++)
        {
            var due = interval * index;
            if (due >= duration || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            inFlight.Add(SendAsync(mix.Next(), clock, due, cancellationToken));
            inFlight.RemoveAll(task => task.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    public async Task RunClosedLoopAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                await SendAsync(mix.Next(), clock, clock.Elapsed, cancellationToken);
            }
        }));
    }

    private async Task SendAsync(CaseToSend @case, Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.UtcNow - (clock.Elapsed - due);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/escalations")
        {
            Content = new StringContent(@case.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", @case.IdempotencyKey);
        int status;
        Guid? id = null;
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                id = document.RootElement.GetProperty("id").GetGuid();
            }
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            status = 0; // no answer: a connection refused or reset, or a timeout
        }

        _results.Add(new SubmissionResult(@case, status, id, (clock.Elapsed - due).TotalMilliseconds, sentAt));
    }

    public void Dispose() => _client.Dispose();
}
