using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Intake.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class IntakeDbContextDesignTimeFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseNpgsql("Host=localhost;Database=intakedb").Options);
}
