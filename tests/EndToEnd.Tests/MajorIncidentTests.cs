using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>The platform doing its job: an S1 security case from a strategic customer, submitted at the gateway,
/// is triaged, owned, on the clock and announced by email and webhook within seconds.</summary>
public sealed class MajorIncidentTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_strategic_customers_security_incident_is_S1_owned_on_the_clock_emailed_and_posted_within_ten_seconds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.MajorIncident);
        using var mail = platform.Mail();
        var subscription = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = receiver.UrlFor("partner") });
        var secret = subscription.GetProperty("secret").GetString()!;

        var clock = Stopwatch.StartNew();
        var id = await api.SubmitAsync(Cases.SecurityIncident("acme"));
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3,
            "owned and on the clock", TimeSpan.FromSeconds(10));
        var owner = record.PersonId("owner")!;
        var ownerEmail = $"{owner}@{Tenants.MajorIncident}.example";
        var key = record.GetProperty("key").GetString()!;
        await Eventually.ReachesAsync(() => mail.ToAsync(ownerEmail, key), messages => messages.Count > 0, TimeSpan.FromSeconds(10) - clock.Elapsed, "the owner's email");
        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Received("partner")), hooks => hooks.Count > 0, TimeSpan.FromSeconds(10) - clock.Elapsed, "a webhook");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        Assert.Equal("S1", record.GetProperty("severity").GetString());
        var rules = record.GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()).ToList();
        Assert.Contains("s1-security-or-data-exposure", rules);
        Assert.Contains("s1-strategic-customer-fully-blocked", rules);
        Assert.Equal("security-response", record.GetProperty("team").GetProperty("id").GetString());
        Assert.NotNull(record.PersonId("backup"));
        Assert.NotEqual(owner, record.PersonId("backup"));
        Assert.Equal(owner, record.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString());
        foreach (var kind in new[] { "first-response", "customer-update", "resolution" })
        {
            var slaClock = record.Clock(kind);
            Assert.Equal("running", slaClock.Text("state"));
            Assert.True(slaClock.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow, $"{kind} is due in the future");
        }

        Assert.Equal(TimeSpan.FromMinutes(7.5), record.Clock("first-response").GetProperty("targetSeconds").GetInt64() * TimeSpan.FromSeconds(1)); // S1 15 min, halved for strategic
        Assert.Equal("acknowledge the case to take ownership", record.GetProperty("nextAction").GetProperty("what").GetString());
        Assert.Contains(record.Timeline("triaged"), entry => entry.Text("reason")!.Contains("s1-security-or-data-exposure", StringComparison.Ordinal));
        Assert.Contains(record.Timeline("offered"), entry => entry.GetProperty("actor").GetProperty("id").GetString() == "routing");

        var hook = receiver.Received("partner")[0];
        Assert.True(hook.SignedWith(secret), "the webhook signature verifies with the subscription's secret");
        Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(hook.Timestamp, System.Globalization.CultureInfo.InvariantCulture)) < 60);
        Assert.Equal(id, JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("escalationId").GetGuid());
        Assert.Contains(receiver.Received("partner"), received => received.Body.Contains("\"type\":\"escalation.offered\"", StringComparison.Ordinal));

        var email = (await mail.ToAsync(ownerEmail, key))[0];
        Assert.Contains("offered to you", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Acknowledge by", await mail.BodyAsync(email.Id), StringComparison.Ordinal);
        await Eventually.ReachesAsync(() => mail.ToAsync($"leadership@{Tenants.MajorIncident}.example", key), messages => messages.Count == 1,
            EscalationsClient.PipelineTimeout, "leadership's S1 email");

        using var unsubscribed = await api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{subscription.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, unsubscribed.StatusCode); // the receiver is gone: nothing more to post to it
    }

    [Fact]
    public async Task The_delivery_log_shows_each_email_and_webhook_of_an_escalation_delivered_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.DeliveryLog);
        await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = receiver.UrlFor("log") });
        var id = await api.SubmitAsync(Cases.SecurityIncident("umbrella", contactEmail: "security-desk@umbrella.example"));
        var directoryContact = $"support@umbrella.{Tenants.DeliveryLog}.example";
        await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");

        var log = await Eventually.ReachesAsync(
            () => api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={id}"),
            page => page.GetProperty("items").EnumerateArray().Count(delivery => delivery.Text("channel") == "email") >= 3
                && page.GetProperty("items").EnumerateArray().Any(delivery => delivery.Text("channel") == "webhook")
                && page.GetProperty("items").EnumerateArray().All(delivery => delivery.Text("status") == "delivered"),
            EscalationsClient.PipelineTimeout, "every delivery delivered");

        var deliveries = log.GetProperty("items").EnumerateArray().ToList();
        Assert.All(deliveries, delivery => Assert.Equal(id, delivery.GetProperty("escalationId").GetGuid()));
        Assert.Contains(deliveries, delivery => delivery.Text("recipient") == directoryContact);
        Assert.DoesNotContain(deliveries, delivery => delivery.Text("recipient") == "security-desk@umbrella.example");
        var emails = deliveries.Where(delivery => delivery.Text("channel") == "email");
        Assert.All(emails.GroupBy(email => (email.Text("recipient"), email.Text("eventType"), email.Text("subject"))), group => Assert.Single(group));

        // Each event (a status change, the offer) is posted once: every logged webhook arrived (its delivery id is the
        // webhook-id), no call arrived twice, and no two calls tell the same event.
        var hooks = receiver.Received("log");
        var received = hooks.Select(hook => hook.Id).ToList();
        Assert.All(deliveries.Where(delivery => delivery.Text("channel") == "webhook"),
            webhook => Assert.Contains($"msg_{webhook.GetProperty("id").GetGuid():N}", received));
        Assert.Equal(received.Count, received.Distinct().Count());
        var events = hooks.Select(hook => JsonDocument.Parse(hook.Body).RootElement)
            .Select(body => body.GetProperty("type").GetString() + body.GetProperty("data").GetRawText()).ToList();
        Assert.Equal(events.Count, events.Distinct().Count());
    }

    [Fact]
    public async Task A_bad_delivery_log_filter_is_refused_naming_the_field()
    {
        using var api = platform.Escalations(Tenants.MajorIncident);

        using var response = await api.SendAsync(HttpMethod.Get, "/api/v1/notifications?status=lost&limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
    }
}
