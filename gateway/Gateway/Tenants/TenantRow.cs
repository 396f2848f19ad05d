namespace EscalationPlatform.Gateway.Tenants;

/// <summary>A tenant the platform operator provisioned: its name and time zone, who created it when, and who changed it last. Its default
/// calendar went into its SLA policy when it was provisioned; the tenant's admins change it there.</summary>
public sealed class TenantRow
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Who last changed its name or time zone (who created it, until then).</summary>
    public required string UpdatedBy { get; set; }

    public uint RowVersion { get; set; }
}
