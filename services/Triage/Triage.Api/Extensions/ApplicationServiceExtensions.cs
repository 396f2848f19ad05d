using EscalationPlatform.Hosting;
using Triage.Api.Assessments;
using Triage.Api.Data;
using Triage.Api.Matrix;

namespace Triage.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "triagedb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<TriageDbContext>("triage", DatabaseName, messaging => messaging.AddConsumer<AssessEscalationConsumer>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<MatrixStore>();
        builder.Services.AddScoped<AssessmentService>();
        return builder;
    }
}
