using EscalationPlatform.Contracts;
using MassTransit;

namespace Triage.Api.Assessments;

/// <summary>Assesses every submitted case, and again whenever facts are added to it.</summary>
public sealed class AssessEscalationConsumer(AssessmentService assessments) : IConsumer<EscalationSubmitted>, IConsumer<EscalationFactsUpdated>
{
    public Task Consume(ConsumeContext<EscalationSubmitted> context) =>
        assessments.DecideAsync(context.Message.TenantId, context.Message.EscalationId, context.Message.Facts, context.CancellationToken);

    public Task Consume(ConsumeContext<EscalationFactsUpdated> context) =>
        assessments.DecideAsync(context.Message.TenantId, context.Message.EscalationId, context.Message.Facts, context.CancellationToken);
}
