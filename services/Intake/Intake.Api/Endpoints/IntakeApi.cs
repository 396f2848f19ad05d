using EscalationPlatform.Hosting;
using Intake.Api.Changes;
using Intake.Api.Data;
using Intake.Api.Integrations;

namespace Intake.Api.Endpoints;

public static class IntakeApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/escalations";

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<IntakeDbContext>(Prefix, "intake");

        var escalations = endpoints.MapGroup(Prefix).WithTags("Escalations");
        RecordEndpoints.Map(escalations);
        ChangeStream.Map(escalations);
        CommandEndpoints.Map(escalations.MapGroup("/{id:guid}"));
        endpoints.MapPagerDutyEvents();
        endpoints.MapAlertmanagerWebhook();
        return endpoints;
    }
}
