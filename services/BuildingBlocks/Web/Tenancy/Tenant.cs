using System.Text.RegularExpressions;
using EscalationPlatform.Contracts;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The tenant a request or message acts for. Every query and every record is scoped to it.</summary>
public interface ITenantContext
{
    string TenantId { get; }

    /// <summary>Who acts: the person, partner system or service the gateway authenticated.</summary>
    Actor Actor { get; }

    /// <summary>For a credential bound to a customer (an integration key), that customer: it sees and acts on that
    /// customer's escalations only.</summary>
    string? CustomerId { get; }

    /// <summary>The whole identity, roles included.</summary>
    PlatformIdentity Identity { get; }
}

public sealed class TenantContext : ITenantContext
{
    private PlatformIdentity? _identity;

    public string TenantId => Identity.IsOperator
        ? throw new InvalidOperationException("The platform operator acts for no tenant.")
        : Identity.TenantId;

    public Actor Actor => Identity.Actor;

    public string? CustomerId => Identity.CustomerId;

    public bool IsResolved => _identity is not null;

    public PlatformIdentity Identity => _identity ?? throw new InvalidOperationException("No tenant has been resolved for this request.");

    public void Set(PlatformIdentity identity) => _identity = identity.IsOperator || Tenant.IsValid(identity.TenantId)
        ? identity
        : throw new ArgumentException($"'{identity.TenantId}' is not a valid tenant id.", nameof(identity));
}

public static partial class Tenant
{
    /// <summary>The header that carries the tenant from the gateway to a service (REST and gRPC metadata).</summary>
    public const string Header = "x-tenant-id";

    /// <summary>Lowercase letters, digits and dashes, up to 63 characters.</summary>
    public static bool IsValid(string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Pattern();
}
