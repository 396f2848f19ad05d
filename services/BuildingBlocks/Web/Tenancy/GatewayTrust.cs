using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EscalationPlatform.Contracts;
using Microsoft.Extensions.Configuration;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>How services trust the identity the gateway passes on. The gateway authenticates the caller, removes any
/// identity headers (and every credential) the caller sent, and sets x-tenant-id, x-actor-kind/-id/-name/-roles and
/// x-integration-customer with an HMAC-SHA256 signature (x-platform-signature: "v2,{unix seconds},{nonce},{base64}")
/// keyed with a secret only the platform's processes hold ("Tenancy:TrustKey"). The signature also covers the
/// method, the target service, the path and query and the body's hash, and is good for <see cref="MaxAge"/> and
/// once: a captured request cannot be sent to another service, another path, with another body, later, or again.
/// Services calling each other over gRPC sign the same way. Without a key (allowed in Development only, see
/// <see cref="TenantServiceCollectionExtensions.RequireTrustKeyOutsideDevelopment"/>) nothing is verified.</summary>
public sealed class GatewayTrust
{
    public const string SignatureHeader = "x-platform-signature";
    public const string ActorKindHeader = "x-actor-kind";
    public const string ActorIdHeader = "x-actor-id";
    public const string ActorNameHeader = "x-actor-name";
    public const string ActorRolesHeader = "x-actor-roles";
    public const string CustomerHeader = "x-integration-customer";
    public const string KeySetting = "Tenancy:TrustKey";

    /// <summary>Every header the gateway owns: a caller's copies are dropped before the gateway sets its own.</summary>
    public static readonly string[] Headers =
        [Tenant.Header, ActorKindHeader, ActorIdHeader, ActorNameHeader, ActorRolesHeader, CustomerHeader, SignatureHeader];

    /// <summary>How far a signature's time may be from the verifier's clock, either way: the gateway forwards at once,
    /// so this only absorbs the clock difference between machines.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly byte[]? _key;
    private readonly NonceLedger _seen = new(2 * MaxAge);

    public GatewayTrust(IConfiguration configuration)
        : this(configuration[KeySetting] is { Length: > 0 } key ? Convert.FromBase64String(key) : null)
    {
    }

    public GatewayTrust(byte[]? key) => _key = key;

    public bool Enabled => _key is not null;

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The headers that carry <paramref name="identity"/> for exactly <paramref name="request"/>, signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Stamp(PlatformIdentity identity, SignedRequest request, DateTimeOffset now)
    {
        var fields = Fields.Of(identity);
        List<KeyValuePair<string, string>> headers =
        [
            new(ActorKindHeader, fields.Kind),
            new(ActorIdHeader, fields.ActorId),
            new(ActorNameHeader, fields.Name),
        ];
        if (fields.Tenant.Length > 0)
        {
            headers.Add(new(Tenant.Header, fields.Tenant));
        }

        if (fields.Roles.Length > 0)
        {
            headers.Add(new(ActorRolesHeader, fields.Roles));
        }

        if (fields.Customer.Length > 0)
        {
            headers.Add(new(CustomerHeader, fields.Customer));
        }

        if (_key is not null)
        {
            var unix = now.ToUnixTimeSeconds();
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            headers.Add(new(SignatureHeader, $"v2,{unix},{nonce},{Sign(fields, request, unix, nonce)}"));
        }

        return headers;
    }

    /// <summary>The identity the headers carry if their signature is valid for this request, fresh and not seen
    /// before; otherwise null and why.</summary>
    public PlatformIdentity? Verify(Func<string, string?> header, SignedRequest request, DateTimeOffset now, out string? problem)
    {
        var fields = new Fields(header(Tenant.Header) ?? "", header(ActorKindHeader) ?? "", header(ActorIdHeader) ?? "",
            header(ActorNameHeader) ?? "", header(ActorRolesHeader) ?? "", header(CustomerHeader) ?? "");
        var kind = ParseKind(fields.Kind);
        if (kind != ActorKind.Operator && !Tenant.IsValid(fields.Tenant))
        {
            problem = "no valid tenant";
            return null;
        }

        if (kind == ActorKind.Operator && fields.Tenant.Length > 0)
        {
            problem = "an operator acts for no tenant";
            return null;
        }

        if (_key is not null && !SignatureHolds(header(SignatureHeader), fields, request, now, out problem))
        {
            return null;
        }

        problem = null;
        var actorId = Unescape(fields.ActorId);
        var name = Unescape(fields.Name);
        var actor = actorId.Length == 0
            ? Actors.RequestActor.Anonymous
            : new Actor(kind, actorId, name.Length == 0 ? actorId : name);
        IReadOnlyList<string>? roles = fields.Roles.Length == 0 ? null : [.. fields.Roles.Split(',').Select(Unescape)];
        return new PlatformIdentity(fields.Tenant, actor, fields.Customer.Length == 0 ? null : Unescape(fields.Customer), roles);
    }

    private bool SignatureHolds(string? signature, Fields fields, SignedRequest request, DateTimeOffset now, out string? problem)
    {
        var parts = (signature ?? "").Split(',');
        if (parts.Length != 4 || parts[0] != "v2" || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || parts[2].Length is 0 or > 64)
        {
            problem = "no gateway signature";
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - unix) > MaxAge.TotalSeconds)
        {
            problem = "the gateway signature has expired";
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(fields, request, unix, parts[2]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])))
        {
            problem = "the gateway signature does not match this request";
            return false;
        }

        if (!_seen.TryRemember($"{unix}:{parts[2]}", now))
        {
            problem = "the gateway signature was used before";
            return false;
        }

        problem = null;
        return true;
    }

    private string Sign(Fields fields, SignedRequest request, long unix, string nonce) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key!, Encoding.UTF8.GetBytes(string.Join('\n',
            "v2", fields.Tenant, fields.Kind, fields.ActorId, fields.Name, fields.Roles, fields.Customer,
            request.Method.ToUpperInvariant(), request.Service, request.PathAndQuery, request.BodySha256,
            unix.ToString(CultureInfo.InvariantCulture), nonce))));

    private static string Unescape(string value) => Uri.UnescapeDataString(value);

    private static ActorKind ParseKind(string kind) => kind switch
    {
        "partner" => ActorKind.Partner,
        "service" => ActorKind.Service,
        "operator" => ActorKind.Operator,
        _ => ActorKind.Person,
    };

    /// <summary>The identity as it travels: header-safe text (every free-text value percent-encoded, so a name such
    /// as "José" or a control character cannot break or forge a header).</summary>
    private sealed record Fields(string Tenant, string Kind, string ActorId, string Name, string Roles, string Customer)
    {
        public static Fields Of(PlatformIdentity identity) => new(
            identity.TenantId,
            identity.Actor.Kind switch
            {
                ActorKind.Partner => "partner",
                ActorKind.Service => "service",
                ActorKind.Operator => "operator",
                _ => "person",
            },
            Uri.EscapeDataString(identity.Actor.Id),
            Uri.EscapeDataString(identity.Actor.Name),
            string.Join(',', (identity.Roles ?? []).Select(Uri.EscapeDataString)),
            Uri.EscapeDataString(identity.CustomerId ?? ""));
    }
}
