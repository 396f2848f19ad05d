using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Webhook subscriptions and delivery with retries, dead letters and replay, against a real receiver.</summary>
public sealed class WebhookTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_then_dead_lettered_and_a_replay_delivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.Webhooks);
        receiver.FailWith("flaky", 503);
        var subscription = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks",
            new { url = receiver.UrlFor("flaky"), events = new[] { "escalation.submitted" } });
        var secret = subscription.GetProperty("secret").GetString()!;
        await WebhookInterest.TakesEffectAsync(api, receiver);

        var id = await api.SubmitAsync(Cases.TeamProblem());
        var dead = await Eventually.ReachesAsync(
            () => Deliveries(api, id, "webhook"),
            deliveries => deliveries.Count == 1 && deliveries[0].Text("status") == "dead",
            TimeSpan.FromSeconds(60), "the dead letter");

        var delivery = dead[0];
        Assert.Equal(5, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("the receiver answered 503", delivery.Text("lastError")); // a category, never the exception text
        var attempts = Received(receiver, "flaky", id);
        Assert.Equal(5, attempts.Count);
        Assert.Single(attempts.Select(attempt => attempt.Id).Distinct()); // one message, retried: the receiver can deduplicate
        var gaps = attempts.Zip(attempts.Skip(1), (earlier, later) => long.Parse(later.Timestamp, System.Globalization.CultureInfo.InvariantCulture)
            - long.Parse(earlier.Timestamp, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(gaps[^1] >= gaps[0], $"the pauses grow: {string.Join(", ", gaps)} s");

        receiver.Heal("flaky");
        await api.JsonAsync(HttpMethod.Post, $"/api/v1/notifications/{delivery.GetProperty("id").GetGuid()}/replay");
        await Eventually.ReachesAsync(() => Deliveries(api, id, "webhook"), deliveries => deliveries[0].Text("status") == "delivered",
            EscalationsClient.PipelineTimeout, "the replayed delivery");
        Assert.True(Received(receiver, "flaky", id)[^1].SignedWith(secret));
        Assert.Equal("escalation.submitted", JsonDocument.Parse(Received(receiver, "flaky", id)[^1].Body).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_moves_to_triaged_and_assigned_reach_status_change_subscribers_once_each_in_the_status_change_shape()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.Webhooks);
        var subscription = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks",
            new { url = receiver.UrlFor("status"), events = new[] { "escalation.status-changed" } });
        // the tenant's other tests count their own cases' deliveries: this subscription must not outlive the test
        await using var unsubscribe = new Cleanup(() => api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{subscription.GetProperty("id").GetGuid()}"));
        await WebhookInterest.TakesEffectAsync(api, receiver);

        var id = await api.SubmitAsync(Cases.TeamProblem());
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var received = await Eventually.ReachesAsync(
            () => Task.FromResult(Received(receiver, "status", id).Select(webhook => JsonDocument.Parse(webhook.Body).RootElement).ToList()),
            webhooks => webhooks.Count >= 2, EscalationsClient.PipelineTimeout, "the two status changes");

        Assert.Equal(new (string?, string?, string?)[] { ("submitted", "triaged", "triage"), ("triaged", "assigned", "routing") },
            received.Select(webhook => webhook.GetProperty("data")).Select(data =>
                (data.Text("from"), data.Text("to"), data.GetProperty("actor").Text("id"))).OrderBy(move => move.Item2 == "assigned"));
        Assert.All(received, webhook =>
        {
            Assert.Equal("escalation.status-changed", webhook.Text("type"));
            var data = webhook.GetProperty("data");
            Assert.Equal((id, record.Text("key")), (data.GetProperty("escalationId").GetGuid(), data.Text("key")));
            Assert.False(string.IsNullOrEmpty(data.Text("reason")));
            Assert.True(data.TryGetProperty("at", out _));
        });
        Assert.Equal(2, Received(receiver, "status", id).Select(webhook => webhook.Id).Distinct().Count());
    }

    [Fact]
    public async Task Subscriptions_are_listed_without_their_secret_and_can_be_deleted()
    {
        using var api = platform.Escalations(Tenants.Webhooks);
        var created = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = "https://partner.example/hooks/escalations" });
        var id = created.GetProperty("id").GetGuid();

        var listed = (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/webhooks")).EnumerateArray().Single(item => item.GetProperty("id").GetGuid() == id);
        using var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{id}");
        using var again = await api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{id}");

        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_subscription_with_a_bad_url_or_event_is_refused_naming_the_fields()
    {
        using var api = platform.Escalations(Tenants.Webhooks);

        using var response = await api.SendAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = "ftp://partner.example", events = new[] { "everything" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["events[0]", "url"], errors.EnumerateObject().Select(field => field.Name).Order());
    }

    [Theory]
    [InlineData("http://127.0.0.1:15081/api/messages")] // the development mail server
    [InlineData("http://169.254.169.254/latest/meta-data/")] // the cloud metadata endpoint
    [InlineData("http://2130706433/")] // 127.0.0.1 as a decimal number
    [InlineData("http://0x7f000001/")] // ... in hexadecimal
    [InlineData("http://0177.0.0.1/")] // ... in octal
    [InlineData("http://127.1/")] // ... shortened
    [InlineData("http://[::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://intake-api/api/v1/escalations")] // a service-discovery name
    [InlineData("http://_grpc.sla-api/")]
    [InlineData("http://user:pass@partner.example/hooks")]
    public async Task A_subscription_to_an_internal_address_is_refused_naming_the_url(string url)
    {
        using var api = platform.Escalations(Tenants.Webhooks);

        using var response = await api.SendAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["url"], errors.EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public async Task Only_the_allow_listed_internal_address_may_receive_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.Webhooks);
        var allowed = receiver.UrlFor("allowed");
        var neighbour = allowed.Replace("//127.0.0.2:", "//127.0.0.1:", StringComparison.Ordinal);

        var created = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = allowed });
        using var refused = await api.SendAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = neighbour });
        using var deleted = await api.SendAsync(HttpMethod.Delete, $"/api/v1/notifications/webhooks/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(["an internal or private address cannot receive webhooks"], problem.GetProperty("errors").GetProperty("url").EnumerateArray().Select(error => error.GetString()));
    }

    private sealed class Cleanup(Func<Task<HttpResponseMessage>> action) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => (await action()).Dispose();
    }

    /// <summary>What the receiver got at <paramref name="path"/> about this test's escalation (the probe cases of
    /// <see cref="WebhookInterest"/> reach the test's subscription too).</summary>
    private static List<ReceivedWebhook> Received(WebhookReceiver receiver, string path, Guid escalationId) =>
        [.. receiver.Received(path).Where(webhook => WebhookInterest.About(webhook, escalationId))];

    private static async Task<IReadOnlyList<JsonElement>> Deliveries(EscalationsClient api, Guid escalationId, string channel) =>
        [.. (await api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={escalationId}&channel={channel}")).GetProperty("items").EnumerateArray()];
}
