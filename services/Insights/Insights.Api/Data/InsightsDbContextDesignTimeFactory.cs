using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Insights.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class InsightsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<InsightsDbContext>
{
    public InsightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InsightsDbContext>().UseNpgsql("Host=localhost;Database=insightsdb").Options);
}
