using EscalationPlatform.Hosting;
using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Triage.Api.Assessments;
using Triage.Api.Data;
using Triage.Api.Matrix;
using Triage.Domain;

namespace Triage.Api.Endpoints;

public sealed record AssessmentView(
    Severity Severity, IReadOnlyList<FiredRule> Rules, IReadOnlyList<MissingFact> MissingFacts, AssessmentOutcome Outcome,
    bool HandoffIncomplete, int MatrixVersion);

public sealed record MatrixView(int Version, JsonElement Rules);

public sealed record MatrixRequest(JsonElement Rules);

/// <summary>The facts a case of one issue type must carry before it can be owned.</summary>
public sealed record ChecklistView(IssueType IssueType, IReadOnlyList<MissingFact> Items);

public static class TriageApi
{
    /// <summary>Where the gateway routes this service's REST API.</summary>
    public const string Prefix = "/api/v1/triage";

    public static IEndpointRouteBuilder MapTriageApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPlatformEndpoints<TriageDbContext>(Prefix, "triage");

        var triage = endpoints.MapGroup(Prefix).WithTags("Triage");
        triage.MapPost("/preview", PreviewAsync)
            .WithSummary("The severity a case would get (with the rules that fired) and the facts it still lacks. Changes nothing.");
        triage.MapGet("/checklists", Checklists)
            .WithSummary("The facts each issue type requires before a case can be owned (a case without them waits in needs-information).");
        triage.MapGet("/matrix", GetMatrixAsync)
            .WithSummary("The tenant's escalation matrix in force.");
        triage.MapPut("/matrix", PutMatrixAsync).WithIdempotency<TriageDbContext, RouteHandlerBuilder>()
            .WithSummary("Saves new rules as the next version of the tenant's escalation matrix.");
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

        var result = await assessments.PreviewAsync(tenant.TenantId, CaseFactsInputs.ToFacts(facts, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(new AssessmentView(
            result.Severity,
            [.. result.Fired.Select(rule => new FiredRule(rule.Id, rule.Severity, rule.Description))],
            result.Missing,
            result.Outcome,
            result.HandoffIncomplete,
            result.MatrixVersion));
    }

    private static Ok<ChecklistView[]> Checklists() =>
        TypedResults.Ok(Enum.GetValues<IssueType>().Select(type => new ChecklistView(type, ContextChecklist.For(type))).ToArray());

    private static async Task<Ok<MatrixView>> GetMatrixAsync(MatrixStore matrices, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok(View(await matrices.ActiveAsync(tenant.TenantId, cancellationToken)));

    private static async Task<Results<Ok<MatrixView>, ValidationProblem>> PutMatrixAsync(
        MatrixRequest request, MatrixStore matrices, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        IReadOnlyList<MatrixRule> rules;
        try
        {
            rules = MatrixJson.Read(request.Rules);
        }
        catch (MatrixFormatException error)
        {
            return errors.Add(error.Path, error.Reason).ToProblem("The matrix is not valid.");
        }

        errors.AddAll(MatrixValidation.Validate(rules));
        if (!errors.IsValid)
        {
            return errors.ToProblem("The matrix is not valid.");
        }

        return TypedResults.Ok(View(await matrices.SaveAsync(tenant.TenantId, rules, cancellationToken)));
    }

    private static MatrixView View(EscalationMatrix matrix) =>
        new(matrix.Version, JsonDocument.Parse(MatrixJson.Write(matrix.Rules)).RootElement.Clone());
}
