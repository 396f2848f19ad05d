using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using Intake.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Customers;

/// <summary>Customers of every tier for each demo tenant, so that the README walk-through can name them by id.</summary>
public sealed class DemoCustomers(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoCustomers> logger)
    : DemoDataSeeder<IntakeDbContext>(scopes, configuration, environment, logger)
{
    private static readonly (string Id, string Name, CustomerTier Tier, bool ContractualSla, string TimeZone)[] Customers =
    [
        ("acme", "Acme Corporation", CustomerTier.Strategic, true, "Europe/Berlin"),
        ("umbrella", "Umbrella Health", CustomerTier.Strategic, true, "Europe/London"),
        ("globex", "Globex", CustomerTier.Premium, true, "America/New_York"),
        ("hooli", "Hooli", CustomerTier.Premium, false, "America/Los_Angeles"),
        ("initech", "Initech", CustomerTier.Standard, false, "America/Chicago"),
        ("soylent", "Soylent", CustomerTier.Standard, false, "Asia/Singapore"),
    ];

    protected override Task<bool> HasDataAsync(IntakeDbContext db, string tenantId, CancellationToken cancellationToken) =>
        db.Customers.AnyAsync(customer => customer.TenantId == tenantId, cancellationToken);

    protected override void Add(IntakeDbContext db, string tenantId) =>
        db.Customers.AddRange(Customers.Select(customer => new Customer
        {
            TenantId = tenantId, Id = customer.Id, Name = customer.Name, Tier = customer.Tier, ContractualSla = customer.ContractualSla,
            TimeZone = customer.TimeZone, ContactEmail = $"support@{customer.Id}.{tenantId}.example",
        }));
}
