using EscalationPlatform.Contracts;
using Intake.Domain;
using MassTransit;

namespace Intake.Api.Webhooks;

/// <summary>Sends one of intake's events to notification's webhook relay queue (<see cref="WebhookRelay"/>) when the
/// tenant's webhook interest wants a type it raises (<see cref="WebhookRelaying"/>); through the outbox of the caller's
/// unit of work, like the publish it accompanies, so the copy keeps its message id on every redelivery.</summary>
public sealed class WebhookRelayer(IWebhookInterests interests, ISendEndpointProvider send)
{
    public async Task RelayAsync(object message, CancellationToken cancellationToken)
    {
        if (WebhookRelaying.Of(message) is not { } relayable || !relayable.IsWantedBy(await interests.OfAsync(relayable.TenantId, cancellationToken)))
        {
            return;
        }

        var relay = await send.GetSendEndpoint(WebhookRelay.Address);
        await relay.Send(message, message.GetType(), cancellationToken);
    }
}
