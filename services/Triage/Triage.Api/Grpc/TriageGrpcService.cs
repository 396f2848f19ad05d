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
            var preview = ToAssessment(await assessments.PreviewAsync(tenant.TenantId, facts, context.CancellationToken), clock.GetUtcNow());
            preview.Signals.AddRange(await assessments.SignalsAsync(tenant.TenantId, facts.Customer.Id, context.CancellationToken));
            return preview;
        }

        if (!Guid.TryParse(request.EscalationId, out var escalationId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "escalation_id: a decision needs the escalation's id"));
        }

        var decided = await assessments.DecideAsync(tenant.TenantId, escalationId, facts, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        var assessment = new Assessment
        {
            Severity = decided.Severity.ToString(),
            Outcome = Wire.Name(decided.Outcome),
            HandoffIncomplete = decided.HandoffIncomplete,
            MatrixVersion = decided.MatrixVersion,
            AssessedAt = Timestamp.FromDateTimeOffset(decided.AssessedAt),
        };
        assessment.Rules.AddRange(decided.Rules.Select(rule => new FiredRule { Id = rule.Id, Severity = rule.Severity.ToString(), Description = rule.Description }));
        assessment.MissingFacts.AddRange(decided.MissingFacts.Select(fact => new MissingFact { Id = fact.Id, Description = fact.Description }));
        assessment.Signals.AddRange(decided.Signals);
        return assessment;
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

    private static Assessment ToAssessment(AssessmentResult result, DateTimeOffset at)
    {
        var assessment = new Assessment
        {
            Severity = result.Severity.ToString(),
            Outcome = Wire.Name(result.Outcome),
            HandoffIncomplete = result.HandoffIncomplete,
            MatrixVersion = result.MatrixVersion,
            AssessedAt = Timestamp.FromDateTimeOffset(at),
        };
        assessment.Rules.AddRange(result.Fired.Select(rule => new FiredRule { Id = rule.Id, Severity = rule.Severity.ToString(), Description = rule.Description }));
        assessment.MissingFacts.AddRange(result.Missing.Select(fact => new MissingFact { Id = fact.Id, Description = fact.Description }));
        return assessment;
    }
}
