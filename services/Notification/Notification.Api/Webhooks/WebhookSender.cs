using System.Net.Http.Headers;
using System.Text;

namespace Notification.Api.Webhooks;

/// <summary>Posts a webhook payload to a subscriber, signed per Standard Webhooks. The webhook-id is the delivery
/// id, the same on every attempt, so the receiver can drop a retry it already processed.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task SendAsync(Guid deliveryId, string url, string secret, string payload, CancellationToken cancellationToken)
    {
        var messageId = $"msg_{deliveryId:N}";
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(StandardWebhooks.IdHeader, messageId);
        request.Headers.Add(StandardWebhooks.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooks.SignatureHeader, StandardWebhooks.Sign(secret, messageId, timestamp, payload));

        using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
