using EscalationPlatform.Contracts;

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

    public string? ContactEmail { get; set; }
}
