using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Intake learns which webhook event types a tenant's subscriptions want a moment after they change
/// (eventually consistent: notification announces it through the bus, intake caches it for a couple of seconds), and
/// only then relays its own events (submission, triage, status moves, customer updates) to notification for them.
/// A test that subscribes and then submits waits for that here, deterministically: a probe subscription for
/// escalation.submitted, then probe cases, one at a time, until one's webhook arrives.</summary>
public static class WebhookInterest
{
    private const string ProbePath = "interest-probe";

    /// <summary>Returns once intake relays the tenant's events for every subscription made before the call. An
    /// announcement of interest describes all of the tenant's subscriptions at the time, and the probe's is made last,
    /// so intake relaying the probe's type means it knows the earlier subscriptions too. The probe cases are the
    /// tenant's like any other: a test counting webhooks counts its own case's.</summary>
    public static async Task TakesEffectAsync(EscalationsClient api, WebhookReceiver receiver)
    {
        var probe = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks",
            new { url = receiver.UrlFor(ProbePath), events = new[] { "escalation.submitted" } });
        try
        {
            await Eventually.ReachesAsync(async () =>
            {
                var id = await api.SubmitAsync(Cases.TeamProblem());
                var relayed = await Eventually.PollAsync(() => Task.FromResult(receiver.Received(ProbePath).Any(webhook => About(webhook, id))),
                    arrived => arrived, TimeSpan.FromSeconds(3));
                return relayed;
            }, relayed => relayed, TimeSpan.FromSeconds(60), "intake relaying the tenant's events for its new subscriptions", TimeSpan.Zero);
        }
        finally
        {
            (await api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{probe.GetProperty("id").GetGuid()}")).Dispose();
        }
    }

    /// <summary>The webhook is about that escalation (its data's escalationId).</summary>
    public static bool About(ReceivedWebhook webhook, Guid escalationId) =>
        JsonDocument.Parse(webhook.Body).RootElement.GetProperty("data").GetProperty("escalationId").GetGuid() == escalationId;
}
