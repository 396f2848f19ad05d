using EscalationPlatform.Web.Tenancy;

namespace Intake.Api.Customers;

/// <summary>One change to a customer (created or replaced): who, when, and what it became.</summary>
public sealed class CustomerChange
{
    public long Id { get; init; }

    public required string TenantId { get; init; }

    public required string CustomerId { get; init; }

    public required DateTime At { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>created or replaced.</summary>
    public required string Change { get; init; }

    public required string Summary { get; init; }

    public static CustomerChange Of(ITenantContext tenant, TimeProvider clock, string customerId, string change, string summary) => new()
    {
        TenantId = tenant.TenantId,
        CustomerId = customerId,
        At = clock.GetUtcNow().UtcDateTime,
        ActorId = tenant.Actor.Id,
        ActorName = tenant.Actor.Name,
        Change = change,
        Summary = summary.Length > 1_000 ? summary[..1_000] : summary,
    };
}

public sealed record CustomerChangeView(DateTime At, string ActorId, string ActorName, string Change, string Summary);
