using EscalationPlatform.Contracts;
using Intake.Api.Records;
using Intake.Domain;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Intake.Api.Lifecycle;

/// <summary>Applies the lifecycle saga's decisions (<see cref="LifecycleEvents"/>) to the record. An event that does
/// not apply (another tenant's id, a finished case, an older offer or promise, a stale timer) changes nothing and is
/// logged with the Domain's reason: it is no fault, and retrying it would change nothing either.</summary>
public sealed partial class LifecycleSteps(EscalationChanges changes, IOptions<LifecycleOptions> options, ILogger<LifecycleSteps> logger)
{
    public Task ApplyAsync<T>(BehaviorContext<EscalationRecord, T> context, Func<EscalationState, T, DateTimeOffset, Decision> decide) where T : class =>
        ApplyAsync(context, decide(context.Saga.ToState(), context.Message, changes.Now));

    public Task AutoCloseAsync(BehaviorContext<EscalationRecord, AutoCloseDue> context) =>
        ApplyAsync(context, LifecycleEvents.AutoClose(context.Saga.ToState(), context.Message, changes.Now, options.Value.AutoCloseAfter));

    private async Task ApplyAsync<T>(BehaviorContext<EscalationRecord, T> context, Decision decision) where T : class
    {
        if (decision.Refusal is { } refusal)
        {
            LogIgnored(typeof(T).Name, context.Saga.Key, context.Saga.Status, refusal.Reason);
            return;
        }

        await changes.ApplyAsync(context.Saga, decision, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Event} for {Key} ({Status}) changes nothing: {Reason}")]
    private partial void LogIgnored(string @event, string key, EscalationStatus status, string reason);
}
