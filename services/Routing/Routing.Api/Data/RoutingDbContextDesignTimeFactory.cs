using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Routing.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class RoutingDbContextDesignTimeFactory : IDesignTimeDbContextFactory<RoutingDbContext>
{
    public RoutingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RoutingDbContext>().UseNpgsql("Host=localhost;Database=routingdb").Options);
}
