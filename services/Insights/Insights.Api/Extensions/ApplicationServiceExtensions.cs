using EscalationPlatform.Contracts;
using EscalationPlatform.Hosting;
using EscalationPlatform.Messaging.Inbox;
using EscalationPlatform.Web.Configuration;
using Insights.Api.Csat;
using Insights.Api.Data;
using Insights.Api.History;
using Insights.Api.Queries;
using Insights.Api.Rebuild;
using Insights.Api.Settings;
using Insights.Api.Telemetry;

namespace Insights.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "insightsdb";

    /// <summary>Intake's gRPC endpoint ("grpc" endpoint of "intake-api"), asked for the history a rebuild reads.</summary>
    public const string IntakeAddress = "http://_grpc.intake-api";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The queries aggregate tens of thousands of rows once, from narrow indexes a working read model keeps in memory. Measured
        // over 100,000 cases: JIT compiles them for longer than they run (time per status 673 ms with it, 370 ms without); at the
        // default random_page_cost the planner reads the wide rows instead of those indexes (44 ms instead of 12); parallel
        // workers cost more to start than they save (grouping a year of cases 60 ms with two, 25 ms without). A connection
        // string that sets its own Options keeps them.
        if (builder.Configuration.GetConnectionString(DatabaseName) is { Length: > 0 } connection && !connection.Contains("Options=", StringComparison.OrdinalIgnoreCase))
        {
            builder.Configuration[$"ConnectionStrings:{DatabaseName}"] =
                $"{connection};Options=-c jit=off -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0";
        }

        builder.AddPlatformService<InsightsDbContext>("insights", DatabaseName,
            messaging => messaging.AddConsumer<RecordChangesConsumer, RecordChangesConsumerDefinition>());
        builder.Services.AddSingleton(BatchedMessage.Of<EscalationRecordChanged>()); // its consumer takes batches in a transaction of its own
        builder.Services.AddConfigStore<InsightsDbContext>();
        builder.Services.AddScoped<TenantSettings>();
        builder.Services.AddScoped<CaseHistoryStore>();
        builder.Services.AddScoped<RepeatCustomerAnnouncer>();
        builder.Services.AddScoped<InsightQueries>();
        builder.Services.AddScoped<ModelRebuild>();
        builder.Services.AddSingleton(RatingKey.From(builder.Configuration));
        builder.Services.AddSingleton<InsightsTelemetry>();
        builder.Services.AddHostedService<HeadlineRefresher>();
        builder.Services.AddGrpcClient<EscalationPlatform.Contracts.Intake.V1.Intake.IntakeClient>(grpc =>
            grpc.Address = new Uri(builder.Configuration["Services:IntakeGrpc"] ?? IntakeAddress));
        return builder;
    }
}
