using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sla.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class SlaDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SlaDbContext>
{
    public SlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SlaDbContext>().UseNpgsql("Host=localhost;Database=sladb").Options);
}
