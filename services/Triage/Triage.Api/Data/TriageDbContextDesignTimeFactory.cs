using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Triage.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class TriageDbContextDesignTimeFactory : IDesignTimeDbContextFactory<TriageDbContext>
{
    public TriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TriageDbContext>().UseNpgsql("Host=localhost;Database=triagedb").Options);
}
