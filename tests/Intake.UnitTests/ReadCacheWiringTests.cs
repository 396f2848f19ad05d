using EscalationPlatform.Data;
using Intake.Api.Caching;
using Intake.Api.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Intake.UnitTests;

/// <summary>Read-your-writes on one intake rests on the invalidator being one of the pooled DbContext's interceptors.</summary>
public sealed class ReadCacheWiringTests
{
    [Fact]
    public async Task The_intake_database_context_saves_through_the_read_cache_invalidator()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration["ConnectionStrings:intakedb"] = "Host=127.0.0.1;Port=9;Database=intakedb;Username=postgres";
        builder.AddServiceDatabase<IntakeDbContext>("intakedb");
        builder.AddReadCache();
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var options = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().GetService<IDbContextOptions>();

        Assert.Contains(services.GetRequiredService<ReadCacheInvalidator>(), options.FindExtension<CoreOptionsExtension>()!.Interceptors!);
    }
}
