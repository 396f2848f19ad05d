using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.Api.Customers;

/// <summary>A customer of a tenant: a submission that names a known customer id needs to give nothing else
/// about the customer.</summary>
public sealed class Customer
{
    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; set; }

    public required CustomerTier Tier { get; set; }

    public bool ContractualSla { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>The first contact's address: where the platform writes to the customer.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The people at the customer (a JSON column), the first being the one written to.</summary>
    public List<CustomerContact> Contacts { get; set; } = [];

    /// <summary>The tenant's people who look after the customer (a JSON column).</summary>
    public List<CustomerContact> AccountTeam { get; set; } = [];

    /// <summary>"active" or "churned".</summary>
    public string Status { get; set; } = "active";

    public uint RowVersion { get; set; }
}
