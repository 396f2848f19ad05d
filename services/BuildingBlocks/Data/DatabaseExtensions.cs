using EscalationPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

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
        var traced = builder.HasTelemetryCollector();
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            settings.DisableHealthChecks = true; // replaced by the check below, which has the name the info endpoint reports
            settings.DisableRetry = true;        // transactions are retried whole, by the messaging layer, not statement by statement
            settings.DisableTracing = !traced;
            settings.DisableMetrics = !traced;
            settings.ConnectionString = Tuned(settings.ConnectionString);
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("postgres", tags: [Extensions.DependencyTag]);
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (builder.Configuration.GetValue(MigrateOnStartupKey, builder.Environment.IsDevelopment()))
        {
            builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        }

        return builder;
    }

    /// <summary>The same few statements run for every message (inbox, saga, outbox): prepared once per connection,
    /// PostgreSQL stops parsing and planning them each time. And a pooled connection is not reset when it goes back
    /// to the pool (seven statements each time): the services leave no session state on one (no SET, no temporary
    /// tables; session locks and LISTEN use connections of their own). A connection string that says otherwise wins.</summary>
    private static string? Tuned(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
