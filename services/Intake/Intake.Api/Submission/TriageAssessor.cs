using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Contracts.Triage.V1;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using FiredRule = EscalationPlatform.Contracts.FiredRule;
using MissingFact = EscalationPlatform.Contracts.MissingFact;

namespace Intake.Api.Submission;

/// <summary>Asks triage for its assessment of a case being submitted (escalation.triage.v1.Triage/Assess, the
/// side-effect-free preview), so a complete case is stored already triaged: the submission and the assessment do not
/// travel the bus, two transactions fewer per case. A failure, a refusal or an answer slower than
/// <see cref="SubmissionOptions.AssessDeadline"/> gives null and the case takes the asynchronous path
/// (EscalationSubmitted), which reaches the same decision.</summary>
public sealed partial class TriageAssessor(
    EscalationPlatform.Contracts.Triage.V1.Triage.TriageClient client,
    PlatformCallOptions calls,
    IOptions<JsonOptions> json,
    IOptions<SubmissionOptions> options,
    ILogger<TriageAssessor> logger)
{
    private static readonly Actor Intake = Actor.Service("intake");

    private static readonly string AssessMethod =
        PlatformCallOptions.MethodPath(EscalationPlatform.Contracts.Triage.V1.Triage.Descriptor, "Assess");

    public async Task<EscalationAssessed?> AssessAsync(string tenantId, Guid escalationId, CaseFactsInput facts, CancellationToken cancellationToken)
    {
        if (!options.Value.AssessAtSubmission)
        {
            return null;
        }

        var request = new AssessRequest
        {
            Mode = AssessMode.Preview,
            FactsJson = JsonSerializer.Serialize(facts, json.Value.SerializerOptions),
            EscalationId = escalationId.ToString(),
        };
        try
        {
            var reply = await client.AssessAsync(request,
                calls.For(new PlatformIdentity(tenantId, Intake), "triage", AssessMethod, request, cancellationToken, options.Value.AssessDeadline));
            return Assessed(tenantId, escalationId, reply);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            LogAsynchronous(error.StatusCode.ToString(), error.Status.Detail);
            return null;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested) // an open circuit, a refused connection: never the caller's failure
        {
            LogAsynchronous(error.GetType().Name, error.Message);
            return null;
        }
    }

    /// <summary>The reply as the event triage would have published; null if it names a severity this intake does not
    /// know (a newer triage), which the asynchronous path then handles.</summary>
    private static EscalationAssessed? Assessed(string tenantId, Guid escalationId, Assessment reply)
    {
        if (!Enum.TryParse<Severity>(reply.Severity, out var severity)
            || reply.Rules.Any(rule => !Enum.TryParse<Severity>(rule.Severity, out _)))
        {
            return null;
        }

        return new EscalationAssessed
        {
            EscalationId = escalationId,
            TenantId = tenantId,
            Severity = severity,
            Rules = [.. reply.Rules.Select(rule => new FiredRule(rule.Id, Enum.Parse<Severity>(rule.Severity), rule.Description))],
            MissingFacts = [.. reply.MissingFacts.Select(fact => new MissingFact(fact.Id, fact.Description))],
            Outcome = reply.Outcome switch
            {
                "triaged" => AssessmentOutcome.Triaged,
                "deflected" when reply.Deflection is not null => AssessmentOutcome.Deflected,
                _ => AssessmentOutcome.NeedsInformation,
            },
            HandoffIncomplete = reply.HandoffIncomplete,
            MatrixVersion = reply.MatrixVersion,
            AssessedAt = reply.AssessedAt.ToDateTimeOffset(),
            Signals = [.. reply.Signals],
            Suggestions = [.. reply.Suggestions.Select(found => new KnownErrorSuggestion(found.ArticleId, found.Title, found.Score, [.. found.Reasons]))],
            Deflection = reply.Deflection is { } deflection
                ? new CaseDeflection(deflection.ArticleId, deflection.Title, deflection.Score, deflection.Workaround, deflection.Why)
                : null,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triage did not assess at submission ({Status}: {Detail}); the case is assessed asynchronously")]
    private partial void LogAsynchronous(string status, string detail);
}
