using EscalationPlatform.Contracts;
using EscalationPlatform.Hosting;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Triage.Api.Assessments;
using Triage.Api.Configuration;
using Triage.Api.Data;
using Triage.Api.Knowledge;
using Triage.Api.ProblemRecords;

namespace Triage.Api.Endpoints;

public sealed record AssessmentView(
    Severity Severity, IReadOnlyList<FiredRule> Rules, IReadOnlyList<MissingFact> MissingFacts, AssessmentOutcome Outcome,
    bool HandoffIncomplete, int MatrixVersion, IReadOnlyList<string> Signals, IReadOnlyList<SuggestionView> Suggestions, CaseDeflection? Deflection);

public static class TriageApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/triage";

    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<TriageDbContext>(Prefix, "triage");

        var triage = endpoints.MapGroup(Prefix).WithTags("Triage");
        triage.MapPost("/preview", PreviewAsync)
            .WithSummary("The severity a case would get (with the rules that fired), the facts it still lacks and the known errors that match it best. Changes nothing.");
        triage.MapConfigDocument<TriageDbContext, Domain.EscalationMatrix>("/matrix", MatrixDocument.Instance);
        triage.MapPost("/matrix/drafts/{draftId:guid}/what-if", WhatIfAsync)
            .WithSummary($"What the draft would change if it were in force: over the open escalations and those submitted in the last days (0 to {MatrixWhatIf.MaxDays}, 30 when left out). Changes nothing.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        triage.MapConfigDocument<TriageDbContext, Domain.ContextChecklist>("/checklists", ChecklistDocument.Instance);
        triage.MapConfigDocument<TriageDbContext, Domain.Knowledge.KnowledgeSettings>("/knowledge/settings", KnowledgeSettingsDocument.Instance);
        KnowledgeEndpoints.Map(triage);
        ChangeEndpoints.Map(triage);
        ProblemEndpoints.Map(triage);
        endpoints.MapPagerDutyChanges();
        return endpoints;
    }

    private static async Task<Results<Ok<AssessmentView>, ValidationProblem>> PreviewAsync(
        CaseFactsInput facts, AssessmentService assessments, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        CaseFactsInputs.Validate(facts, errors, clock.GetUtcNow());
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var (assessed, found) = await assessments.PreviewAsync(tenant.TenantId, Guid.Empty, CaseFactsInputs.ToFacts(facts, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(new AssessmentView(assessed.Severity, assessed.Rules, assessed.MissingFacts, assessed.Outcome, assessed.HandoffIncomplete,
            assessed.MatrixVersion, assessed.Signals, [.. found.Select(item => item.View())], assessed.Deflection));
    }

    private static async Task<Results<Ok<WhatIfView>, ValidationProblem, ProblemHttpResult>> WhatIfAsync(
        Guid draftId, int? days, TriageDbContext db, MatrixWhatIf whatIf, ITenantContext tenant, CancellationToken cancellationToken)
    {
        if (days is < 0 or > MatrixWhatIf.MaxDays)
        {
            return new ValidationErrors().Add("days", $"0 to {MatrixWhatIf.MaxDays}: how many days of submitted cases to include").ToProblem("The what-if is not valid.");
        }

        if (await ConfigEndpoints.DraftValueAsync(db, MatrixDocument.Instance, tenant.TenantId, draftId, cancellationToken) is not { } draft)
        {
            return Problems.NotFound("draft of the escalation matrix", draftId.ToString());
        }

        return await whatIf.RunAsync(draft, days ?? 30, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The cases could not be read.",
                detail: "Intake, which keeps the cases, did not answer in time: try the what-if again shortly.");
    }
}
