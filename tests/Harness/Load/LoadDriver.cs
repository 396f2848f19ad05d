using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace EscalationPlatform.Harness.Load;

/// <summary>What one submission got: the status, the escalation id when accepted, and how long intake took.</summary>
public sealed record SubmissionResult(CaseToSend Case, int Status, Guid? EscalationId, double LatencyMs, DateTimeOffset SentAt, int Attempts = 1);

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
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>No answer or a 5xx is tried again twice, a second longer each time.</summary>
    private static readonly ResiliencePipeline<(int Status, Guid? Id)> Retries = new ResiliencePipelineBuilder<(int Status, Guid? Id)>()
        .AddRetry(new RetryStrategyOptions<(int Status, Guid? Id)>
        {
            ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result.Status is 0 or >= 500),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromSeconds(1),
        })
        .Build();

    private readonly ConcurrentBag<SubmissionResult> _results = [];

    public IReadOnlyCollection<SubmissionResult> Results => _results;

    /// <summary>How many submissions got each final answer ("no answer" for none), in status order.</summary>
    public Dictionary<string, int> AnswersByStatus() =>
        _results.GroupBy(sent => sent.Status).OrderBy(group => group.Key)
            .ToDictionary(group => group.Key == 0 ? "no answer" : group.Key.ToString(CultureInfo.InvariantCulture), group => group.Count());

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

    /// <summary>Sends one case as a careful client does: when there is no answer, or the platform says it is
    /// unavailable (5xx), it tries again a little later with the same Idempotency-Key, so an escalation created by
    /// an attempt whose answer was lost comes back instead of a second one. Latency runs to the final answer.</summary>
    private async Task SendAsync(CaseToSend @case, Stopwatch clock, TimeSpan due, CancellationToken cancellationToken)
    {
        var sentAt = DateTimeOffset.UtcNow - (clock.Elapsed - due);
        var attempts = 0;
        var (status, id) = await Retries.ExecuteAsync(token =>
        {
            attempts++;
            return new ValueTask<(int, Guid?)>(AttemptAsync(@case, token));
        }, cancellationToken);
        _results.Add(new SubmissionResult(@case, status, id, (clock.Elapsed - due).TotalMilliseconds, sentAt, attempts));
    }

    private async Task<(int Status, Guid? Id)> AttemptAsync(CaseToSend @case, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/escalations")
        {
            Content = new StringContent(@case.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", @case.IdempotencyKey);
        try
        {
            using var response = await _client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return ((int)response.StatusCode, null);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return ((int)response.StatusCode, document.RootElement.GetProperty("id").GetGuid());
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (0, null); // no answer: a connection refused or reset, or a timeout
        }
    }

    public void Dispose() => _client.Dispose();
}
