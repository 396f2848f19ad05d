using System.Text.Json;
using EscalationPlatform.Contracts.Triage.V1;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Triage.Api.Assessments;
using Triage.Api.Data;
using Triage.Domain;

namespace Triage.Api.Grpc;

/// <summary>escalation.triage.v1.Triage: the same assessment the REST preview gives, for other services.</summary>
public sealed class TriageGrpcService(AssessmentService assessments, TriageDbContext db, ITenantContext tenant, IOptions<JsonOptions> json, TimeProvider clock)
    : EscalationPlatform.Contracts.Triage.V1.Triage.TriageBase
{
    public override async Task<Assessment> Assess(AssessRequest request, ServerCallContext context)
    {
        var facts = ReadFacts(request.FactsJson);
        if (request.Mode == AssessMode.Preview)
        {
            return ToAssessment((await assessments.PreviewAsync(tenant.TenantId, Guid.Empty, facts, context.CancellationToken, sideBySide: false)).Assessed);
        }

        if (!Guid.TryParse(request.EscalationId, out var escalationId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "escalation_id: a decision needs the escalation's id"));
        }

        var decided = await assessments.DecideAsync(tenant.TenantId, escalationId, facts, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        return ToAssessment(decided);
    }

    private EscalationPlatform.Contracts.CaseFacts ReadFacts(string factsJson)
    {
        CaseFactsInput? input;
        try
        {
            input = JsonSerializer.Deserialize<CaseFactsInput>(factsJson, json.Value.SerializerOptions);
        }
        catch (JsonException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{JsonErrors.Field("facts_json", error)}: {JsonErrors.Describe(error, json.Value.SerializerOptions)}"));
        }

        var errors = new ValidationErrors();
        if (input is null)
        {
            errors.Add("facts_json", "required");
        }
        else
        {
            CaseFactsInputs.Validate(input, errors, clock.GetUtcNow());
        }

        if (!errors.IsValid)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                string.Join("; ", errors.ToDictionary().Select(error => $"{error.Key}: {string.Join(", ", error.Value)}"))));
        }

        return CaseFactsInputs.ToFacts(input!, clock.GetUtcNow());
    }

    private static Assessment ToAssessment(EscalationPlatform.Contracts.EscalationAssessed assessed)
    {
        var assessment = new Assessment
        {
            Severity = assessed.Severity.ToString(),
            Outcome = Wire.Name(assessed.Outcome),
            HandoffIncomplete = assessed.HandoffIncomplete,
            MatrixVersion = assessed.MatrixVersion,
            AssessedAt = Timestamp.FromDateTimeOffset(assessed.AssessedAt),
        };
        assessment.Rules.AddRange(assessed.Rules.Select(rule => new FiredRule { Id = rule.Id, Severity = rule.Severity.ToString(), Description = rule.Description }));
        assessment.MissingFacts.AddRange(assessed.MissingFacts.Select(fact => new MissingFact { Id = fact.Id, Description = fact.Description }));
        assessment.Signals.AddRange(assessed.Signals);
        foreach (var suggestion in assessed.Suggestions)
        {
            var found = new Suggestion { ArticleId = suggestion.ArticleId, Title = suggestion.Title, Score = suggestion.Score };
            found.Reasons.AddRange(suggestion.Reasons);
            assessment.Suggestions.Add(found);
        }

        if (assessed.Deflection is { } deflection)
        {
            assessment.Deflection = new Deflection
            {
                ArticleId = deflection.ArticleId, Title = deflection.Title, Score = deflection.Score, Workaround = deflection.Workaround, Why = deflection.Why,
            };
        }

        return assessment;
    }
}
