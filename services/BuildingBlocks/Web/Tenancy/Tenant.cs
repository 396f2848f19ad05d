using System.Text.RegularExpressions;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The tenant a request or message acts for. Every query and every record is scoped to it.</summary>
public interface ITenantContext
{
    string TenantId { get; }
}

public sealed class TenantContext : ITenantContext
{
    private string? _tenantId;

    public string TenantId => _tenantId ?? throw new InvalidOperationException("No tenant has been resolved for this request.");

    public bool IsResolved => _tenantId is not null;

    public void Set(string tenantId) => _tenantId = Tenant.IsValid(tenantId)
        ? tenantId
        : throw new ArgumentException($"'{tenantId}' is not a valid tenant id.", nameof(tenantId));
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
