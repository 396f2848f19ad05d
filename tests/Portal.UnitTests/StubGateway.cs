using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Portal.UnitTests;

/// <summary>The gateway as the portal's HttpClient sees it: answers given in advance per method and path (in order,
/// the last one repeated; an answer may be held until the test releases it), and every request kept for the test to read.</summary>
public sealed class StubGateway : HttpMessageHandler
{
    public sealed record Request(HttpMethod Method, string Path, string? IdempotencyKey, string? Authorization, string? Body, string Query = "", string? IfMatch = null);

    private readonly ConcurrentDictionary<(HttpMethod, string), ConcurrentQueue<Func<Task<HttpResponseMessage>>>> _answers = new();

    public ConcurrentQueue<Request> Requests { get; } = new();

    public IEnumerable<Request> Posts => Requests.Where(request => request.Method == HttpMethod.Post);

    public StubGateway On(HttpMethod method, string path, params Func<HttpResponseMessage>[] answers) =>
        OnAsync(method, path, [.. answers.Select(answer => (Func<Task<HttpResponseMessage>>)(() => Task.FromResult(answer())))]);

    /// <summary>Answers that arrive when their task completes: a slow gateway, or one answer overtaking another.</summary>
    public StubGateway OnAsync(HttpMethod method, string path, params Func<Task<HttpResponseMessage>>[] answers)
    {
        var queue = _answers.GetOrAdd((method, path), _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }

        return this;
    }

    public static Func<HttpResponseMessage> Json(string json, HttpStatusCode status = HttpStatusCode.OK, string? etag = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
        }

        return response;
    };

    public static Func<HttpResponseMessage> Problem(HttpStatusCode status, string json) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/problem+json") };

    public static Func<HttpResponseMessage> Status(HttpStatusCode status) => () => new HttpResponseMessage(status);

    public static Func<HttpResponseMessage> Unreachable(string why) => () => throw new HttpRequestException(why);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue(new Request(request.Method, path,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.Authorization?.ToString(),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            Uri.UnescapeDataString(request.RequestUri.Query),
            request.Headers.TryGetValues("If-Match", out var versions) ? versions.Single() : null));

        if (!_answers.TryGetValue((request.Method, path), out var queue) || !queue.TryPeek(out var answer))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (queue.Count > 1)
        {
            queue.TryDequeue(out _);
        }

        return await answer();
    }
}
