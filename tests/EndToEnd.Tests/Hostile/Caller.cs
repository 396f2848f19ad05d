using System.Net.Http.Headers;
using EscalationPlatform.Gateway.Authorization;
using Grpc.Core;

namespace EndToEnd.Tests.Hostile;

/// <summary>Who sends a request: the header its credential goes in (none for an anonymous caller), and the gateway
/// policies (<see cref="PlatformPolicies"/>) that credential satisfies.</summary>
public sealed record Caller(string Name, string? Header, string? Value, IReadOnlySet<string> Policies)
{
    public static readonly Caller Anonymous = new("anonymous", null, null, new HashSet<string>());

    private static readonly string[] PersonReads = [PlatformPolicies.Read, PlatformPolicies.ReadTenant, PlatformPolicies.Work, PlatformPolicies.WorkTenant, PlatformPolicies.Info];

    public static Caller Token(string name, string token, string role) => new(name, "Authorization", $"Bearer {token}", new HashSet<string>(role switch
    {
        "agent" => PersonReads,
        "lead" => [.. PersonReads, PlatformPolicies.ConfigureRouting, PlatformPolicies.Knowledge],
        "manager" => [.. PersonReads, PlatformPolicies.ConfigureRouting, PlatformPolicies.Knowledge, PlatformPolicies.Configure, PlatformPolicies.Webhooks],
        "admin" => [.. PersonReads, PlatformPolicies.ConfigureRouting, PlatformPolicies.Knowledge, PlatformPolicies.Configure, PlatformPolicies.Webhooks, PlatformPolicies.Admin],
        _ => [],
    }));

    /// <summary>An API key with the given policies (what its scopes, and a binding to a customer, allow).</summary>
    public static Caller Key(string name, string key, params string[] policies) => new(name, "X-Api-Key", key, new HashSet<string>(policies));

    public static Caller Operator(string key) =>
        new("platform operator", "Authorization", $"Bearer {key}", new HashSet<string> { PlatformPolicies.Info, PlatformPolicies.Operations });

    public bool May(string policy) => policy == PlatformPolicies.Anonymous || Policies.Contains(policy);

    public void Authenticate(HttpRequestMessage request)
    {
        if (Header == "Authorization")
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(Value!);
        }
        else if (Header is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, Value);
        }
    }

    public Metadata Metadata()
    {
        var metadata = new Metadata();
        if (Header is not null)
        {
            metadata.Add(Header.ToLowerInvariant(), Value!);
        }

        return metadata;
    }

    public override string ToString() => Name;
}
