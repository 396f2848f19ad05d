using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Data;

public static class DatabaseExtensions
{
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";

    /// <summary>The service's own PostgreSQL database: a pooled DbContext traced by OpenTelemetry, a readiness
    /// check named "postgres", and (in development, or when configured) its migrations applied before the
    /// service accepts requests.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            settings.DisableHealthChecks = true; // replaced by the check below, which has the name the info endpoint reports
            settings.DisableRetry = true;        // transactions are retried whole, by the messaging layer, not statement by statement
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("postgres", tags: [Extensions.DependencyTag]);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (builder.Configuration.GetValue(MigrateOnStartupKey, builder.Environment.IsDevelopment()))
        {
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        }

        return builder;
    }
}
