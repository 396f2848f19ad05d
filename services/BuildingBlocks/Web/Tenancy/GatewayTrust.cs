using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EscalationPlatform.Contracts;
using Microsoft.Extensions.Configuration;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>Who a request acts for, as the gateway established it from the credential: the tenant, the actor
/// (a person, a partner system or a service), and for integrations the customer the integration is bound to.</summary>
public sealed record PlatformIdentity(string TenantId, Actor Actor, string? CustomerId = null);

/// <summary>How services trust the identity the gateway passes on. The gateway authenticates the caller, removes
/// any identity headers the caller sent, and sets x-tenant-id, x-actor-kind/-id/-name (and x-integration-customer)
/// with an HMAC-SHA256 signature over them (x-platform-signature: "v1,{unix seconds},{base64}") keyed with a secret
/// only the platform's processes hold ("Tenancy:TrustKey"). A service accepts those headers only with a valid,
/// fresh signature, so a caller that reaches a service directly cannot choose its tenant. Services calling each
/// other over gRPC sign the same way. Without a key configured (a service run on its own) nothing is verified.</summary>
public sealed class GatewayTrust
{
    public const string SignatureHeader = "x-platform-signature";
    public const string ActorKindHeader = "x-actor-kind";
    public const string ActorIdHeader = "x-actor-id";
    public const string ActorNameHeader = "x-actor-name";
    public const string CustomerHeader = "x-integration-customer";
    public const string KeySetting = "Tenancy:TrustKey";

    /// <summary>Every header the gateway owns: a caller's copies are dropped before the gateway sets its own.</summary>
    public static readonly string[] Headers = [Tenant.Header, ActorKindHeader, ActorIdHeader, ActorNameHeader, CustomerHeader, SignatureHeader];

    /// <summary>How old a signature may be (clocks of different machines differ a little).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly byte[]? _key;

    public GatewayTrust(IConfiguration configuration)
        : this(configuration[KeySetting] is { Length: > 0 } key ? Convert.FromBase64String(key) : null)
    {
    }

    public GatewayTrust(byte[]? key) => _key = key;

    public bool Enabled => _key is not null;

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The headers that carry <paramref name="identity"/>, signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Stamp(PlatformIdentity identity, DateTimeOffset now)
    {
        var kind = KindName(identity.Actor.Kind);
        var name = Uri.EscapeDataString(identity.Actor.Name);
        var customer = identity.CustomerId ?? "";
        var unix = now.ToUnixTimeSeconds();
        List<KeyValuePair<string, string>> headers =
        [
            new(Tenant.Header, identity.TenantId),
            new(ActorKindHeader, kind),
            new(ActorIdHeader, identity.Actor.Id),
            new(ActorNameHeader, name),
        ];
        if (customer.Length > 0)
        {
            headers.Add(new(CustomerHeader, customer));
        }

        if (_key is not null)
        {
            headers.Add(new(SignatureHeader, $"v1,{unix},{Sign(identity.TenantId, kind, identity.Actor.Id, name, customer, unix)}"));
        }

        return headers;
    }

    /// <summary>The identity the headers carry if their signature is valid and fresh; otherwise null and why.</summary>
    public PlatformIdentity? Verify(Func<string, string?> header, DateTimeOffset now, out string? problem)
    {
        var tenant = header(Tenant.Header) ?? "";
        var kind = header(ActorKindHeader) ?? "";
        var actorId = header(ActorIdHeader) ?? "";
        var name = header(ActorNameHeader) ?? "";
        var customer = header(CustomerHeader) ?? "";
        if (!Tenant.IsValid(tenant))
        {
            problem = "no valid tenant";
            return null;
        }

        if (_key is not null)
        {
            var parts = (header(SignatureHeader) ?? "").Split(',');
            if (parts.Length != 3 || parts[0] != "v1" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            {
                problem = "no gateway signature";
                return null;
            }

            if (Math.Abs(now.ToUnixTimeSeconds() - unix) > MaxAge.TotalSeconds)
            {
                problem = "the gateway signature has expired";
                return null;
            }

            var expected = Encoding.ASCII.GetBytes(Sign(tenant, kind, actorId, name, customer, unix));
            if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
            {
                problem = "the gateway signature does not match";
                return null;
            }
        }

        problem = null;
        var actor = actorId.Length == 0
            ? Actors.RequestActor.Anonymous
            : new Actor(ParseKind(kind), actorId, name.Length == 0 ? actorId : Uri.UnescapeDataString(name));
        return new PlatformIdentity(tenant, actor, customer.Length == 0 ? null : customer);
    }

    private string Sign(string tenant, string kind, string actorId, string name, string customer, long unix) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key!, Encoding.UTF8.GetBytes($"v1\n{tenant}\n{kind}\n{actorId}\n{name}\n{customer}\n{unix}")));

    private static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.Partner => "partner",
        ActorKind.Service => "service",
        _ => "person",
    };

    private static ActorKind ParseKind(string kind) => kind switch
    {
        "partner" => ActorKind.Partner,
        "service" => ActorKind.Service,
        _ => ActorKind.Person,
    };
}
