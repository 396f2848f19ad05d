using System.Net.Http.Headers;
using System.Text;
using Notification.Api.Deliveries;

namespace Notification.Api.Webhooks;

/// <summary>Posts a webhook payload to a subscriber, signed per Standard Webhooks. The webhook-id is the delivery
/// id, the same on every attempt, so the receiver can drop a retry it already processed.</summary>
/// <remarks>The sender owns its HttpClient rather than taking one from IHttpClientFactory: the service defaults give
/// every factory client service discovery (which would turn http://intake-api into the platform's own service) and
/// a resilience pipeline (webhooks are retried by the durable delivery schedule instead).</remarks>
public sealed class WebhookSender(OutboundAddressPolicy policy, TimeProvider clock) : IDisposable
{
    // Each attempt has its own deadline (NotificationOptions.AttemptTimeout), passed in as the cancellation token.
    private readonly HttpClient _client = new(GuardedConnection.CreateHandler(policy)) { Timeout = Timeout.InfiniteTimeSpan };

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

        await SendAsync(request, cancellationToken);
    }

    /// <summary>Posts a chat message (a Slack- or Teams-compatible incoming webhook: unsigned, the URL is the secret).</summary>
    public async Task PostAsync(string url, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        await SendAsync(request, cancellationToken);
    }

    private async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            throw new DeliveryFailedException($"redirects are not followed (the receiver answered {status})");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryFailedException($"the receiver answered {status}");
        }
    }

    public void Dispose() => _client.Dispose();
}
