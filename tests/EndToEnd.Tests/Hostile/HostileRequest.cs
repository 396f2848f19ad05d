namespace EndToEnd.Tests.Hostile;

/// <summary>One hostile REST request and what answers to it are acceptable: any status below 500 unless
/// <see cref="Expected"/> names some, containing <see cref="Mentions"/> when given.</summary>
public sealed record HostileRequest(string Category, string Case, HttpMethod Method, string Path)
{
    /// <summary>The app host resource it is sent to: the gateway, or a service called directly.</summary>
    public string Resource { get; init; } = "gateway";

    public Caller As { get; init; } = Caller.Anonymous;

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; } = "application/json";

    /// <summary>The body goes without a Content-Length, so only reading it tells how large it is.</summary>
    public bool Chunked { get; init; }

    /// <summary>Headers beyond the credential's, set on the request just before it is sent.</summary>
    public Action<HttpRequestMessage>? Headers { get; init; }

    public IReadOnlyList<int>? Expected { get; init; }

    /// <summary>Text the answer must contain: the field a refusal is about, or what a 403 says is needed.</summary>
    public string? Mentions { get; init; }

    /// <summary>Kestrel answers before the application runs (headers or request line too large, a NUL in the path): a bare status.</summary>
    public bool AnsweredByServer { get; init; }

    /// <summary>The part of the caller's own tenant (<see cref="TenantSnapshot"/>) a success legitimately changes.</summary>
    public string? Changes { get; init; }

    public override string ToString() =>
        $"{Method} {(Path.Length <= 120 ? Path : Path[..120] + "…")} [{Category}: {Case}; as {As}{(Resource == "gateway" ? "" : $"; to {Resource}")}]";
}
