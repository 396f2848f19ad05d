using System.Net.Http.Headers;

namespace EndToEnd.Tests.Hostile;

/// <summary>What came back for one hostile request, and which rule it broke, if any.</summary>
public sealed record Outcome(HostileRequest Request, int Status, string Body, string? Breach)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>What a 429 said to wait (its Retry-After header).</summary>
    public int? RetryAfterSeconds { get; init; }

    public override string ToString() => $"{Request}: {Status} {(Body.Length <= 200 ? Body : Body[..200])} — {Breach}";
}

/// <summary>Sends hostile requests, a few at a time and in the order given, with plain HTTP clients (no service
/// discovery: exactly the bytes of the request; sent again only after the gateway's rate limit refused it), and judges
/// each answer by <see cref="AnswerRules"/>.</summary>
/// <remarks><paramref name="secretsIn"/> finds what of another tenant's a text shows; a secret the request itself
/// carries (another tenant's id in its path) may come back in the answer.</remarks>
public sealed class HostileRunner(PlatformFixture platform, Func<string, IEnumerable<string>> secretsIn) : IDisposable
{
    public const int Parallel = 8;

    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task<IReadOnlyList<Outcome>> RunAsync(IReadOnlyList<HostileRequest> requests, int parallel = Parallel)
    {
        var outcomes = new List<Outcome>(requests.Count);
        foreach (var batch in requests.Chunk(parallel))
        {
            outcomes.AddRange(await Task.WhenAll(batch.Select(SendAsync)));
        }

        return outcomes;
    }

    public async Task<Outcome> SendAsync(HostileRequest hostile)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await SendOnceAsync(hostile);
            if (outcome.Status != 429 || attempt == MaxAttempts)
            {
                return outcome;
            }

            // The gateway's rate limit answered, not the rule under test: the same bytes again once it allows.
            await Task.Delay(TimeSpan.FromSeconds(outcome.RetryAfterSeconds ?? 1), TestContext.Current.CancellationToken);
        }
    }

    private const int MaxAttempts = 10;

    private async Task<Outcome> SendOnceAsync(HostileRequest hostile)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = Client(hostile.Resource);
        using var request = new HttpRequestMessage(hostile.Method, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + hostile.Path));
        hostile.As.Authenticate(request);
        if (hostile.Body is not null)
        {
            request.Content = hostile.Chunked ? new ChunkedContent(hostile.Body) : new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            }
        }

        hostile.Headers?.Invoke(request);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            var sent = hostile.Path + (hostile.Body is { Length: < 100_000 } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : "");
            var secret = secretsIn(body).FirstOrDefault(candidate => !sent.Contains(candidate, StringComparison.Ordinal));
            return new(hostile, status, body, AnswerRules.Breach(hostile, status, response.Content.Headers.ContentType?.MediaType, body, secret))
            {
                RetryAfterSeconds = (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds,
            };
        }
        catch (HttpRequestException error)
        {
            return new(hostile, 0, "", $"no answer ({error.Message})");
        }
    }

    /// <summary>The whole body; of a stream of server-sent events (which does not end), its first event.</summary>
    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return await response.Content.ReadAsStringAsync(cancellationToken);
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var first = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            first.AppendLine(line);
        }

        return first.ToString();
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private HttpClient Client(string resource)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue(resource, out var client))
            {
                client = _clients[resource] = new HttpClient { BaseAddress = platform.Endpoint(resource, "http"), Timeout = TimeSpan.FromSeconds(60) };
            }

            return client;
        }
    }

    /// <summary>A body sent chunked: no Content-Length, so only reading it finds out how large it is.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
