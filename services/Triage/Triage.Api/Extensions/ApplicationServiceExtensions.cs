using EscalationPlatform.Hosting;
using Triage.Api.Assessments;
using Triage.Api.Data;
using EscalationPlatform.Contracts.Intake.V1;
using EscalationPlatform.Web.Configuration;
using Triage.Api.Configuration;
using Triage.Api.Knowledge;
using Triage.Api.ProblemRecords;
using EscalationPlatform.Contracts;
using EscalationPlatform.Messaging.Inbox;

namespace Triage.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "triagedb";

    /// <summary>Intake's gRPC endpoint ("grpc" endpoint of "intake-api"), asked for the cases a what-if replays.</summary>
    public const string IntakeAddress = "http://_grpc.intake-api";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<TriageDbContext>("triage", DatabaseName, messaging => messaging
            .AddConsumer<AssessEscalationConsumer>().AddConsumer<RepeatCustomerConsumer>()
            .AddConsumer<ProblemDetectionConsumer, ProblemDetectionConsumerDefinition>());
        builder.Services.AddSingleton(BatchedMessage.Of<EscalationRecordChanged>()); // its consumer takes batches in a transaction of its own
        builder.Services.AddConfigStore<TriageDbContext>();
        builder.Services.AddScoped<TriageRules>();
        builder.Services.AddScoped<MatrixWhatIf>();
        builder.Services.AddGrpcClient<Intake.IntakeClient>(grpc => grpc.Address = new Uri(builder.Configuration["Services:IntakeGrpc"] ?? IntakeAddress));
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<KnowledgeSearch>();
        builder.Services.AddScoped<TenantKnowledgeSettings>();
        builder.Services.AddScoped<ProblemDetection>();
        return builder;
    }
}
