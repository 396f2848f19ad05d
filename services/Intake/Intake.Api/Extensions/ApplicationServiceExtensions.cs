using Intake.Api.Feed;
using EscalationPlatform.Messaging.Inbox;
using EscalationPlatform.Contracts;
using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Contracts.Triage.V1;
using EscalationPlatform.Hosting;
using Intake.Api.Commands;
using Intake.Api.Data;
using Intake.Api.Endpoints;
using Intake.Api.Integrations;
using Intake.Api.Lifecycle;
using Intake.Api.Caching;
using Intake.Api.Changes;
using Intake.Api.Records;
using Intake.Api.Submission;
using Intake.Api.Views;
using Intake.Api.Webhooks;

namespace Intake.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "intakedb";

    /// <summary>The sla service's gRPC endpoint, found by service discovery ("grpc" endpoint of "sla-api").</summary>
    public const string SlaAddress = "http://_grpc.sla-api";

    /// <summary>The triage service's gRPC endpoint ("grpc" endpoint of "triage-api"), asked at submission.</summary>
    public const string TriageAddress = "http://_grpc.triage-api";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<IntakeDbContext>("intake", DatabaseName, messaging =>
            messaging.AddSagaStateMachine<LifecycleStateMachine, EscalationRecord, LifecycleStateDefinition>().AddConsumer<WebhookInterestChangedConsumer>()
                .AddConsumer<InAppFeedChangedConsumer>());
        builder.Services.AddSingleton(SignalMessage.Of<InAppFeedChanged>());
        builder.Services.Configure<LifecycleOptions>(builder.Configuration.GetSection(LifecycleOptions.Section));
        builder.Services.AddGrpcClient<Sla.SlaClient>(grpc => grpc.Address = new Uri(builder.Configuration["Services:SlaGrpc"] ?? SlaAddress));
        builder.Services.AddGrpcClient<Triage.TriageClient>(grpc => grpc.Address = new Uri(builder.Configuration["Services:TriageGrpc"] ?? TriageAddress));
        builder.Services.Configure<SubmissionOptions>(builder.Configuration.GetSection(SubmissionOptions.Section));
        builder.Services.AddScoped<TriageAssessor>();
        builder.Services.AddSingleton<EscalationNumbers>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<IWebhookInterests, WebhookInterests>();
        builder.Services.AddScoped<WebhookRelayer>();
        builder.Services.AddScoped<EscalationChanges>();
        builder.Services.AddScoped<LifecycleSteps>();
        builder.Services.AddScoped<AlertEscalations>();
        builder.Services.AddScoped<SubmissionService>();
        builder.AddReadCache();
        builder.Services.AddChangeFeed();
        builder.Services.AddScoped<EscalationQueries>();
        builder.Services.AddScoped<EscalationCommands>();
        builder.Services.AddScoped<CommandEndpoints.Services>();
        builder.Services.AddScoped<SlaClocks>();
        return builder;
    }
}
