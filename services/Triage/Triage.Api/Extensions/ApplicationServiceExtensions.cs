using EscalationPlatform.Data;
using EscalationPlatform.Messaging;
using EscalationPlatform.Web;
using EscalationPlatform.Web.OpenApi;
using Triage.Api.Assessments;
using Triage.Api.Data;
using Triage.Api.Matrix;

namespace Triage.Api.Extensions;

public static class ApplicationServiceExtensions
{
    public const string DatabaseName = "triagedb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TriageDbContext>(DatabaseName);
        builder.AddServiceCache();
        builder.Services.AddPlatformOpenApi("triage");
        builder.AddWebConventions<TriageDbContext>("triage");
        builder.AddMessaging<TriageDbContext>(messaging => messaging.AddConsumer<AssessEscalationConsumer>());
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<EscalationPlatform.Web.Tenancy.TenantGrpcInterceptor>());
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<MatrixStore>();
        builder.Services.AddScoped<AssessmentService>();
        return builder;
    }
}
