using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EscalationPlatform.Gateway.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the gateway.</summary>
public sealed class GatewayDbContextDesignTimeFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayDbContext>().UseNpgsql("Host=localhost;Database=gatewaydb").Options);
}
