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

        var id = await api.SubmitAsync(Cases.TeamProblem());
        var dead = await Eventually.ReachesAsync(
            () => Deliveries(api, id, "webhook"),
            deliveries => deliveries.Count == 1 && deliveries[0].Text("status") == "dead",
            TimeSpan.FromSeconds(60), "the dead letter");

        var delivery = dead[0];
        Assert.Equal(5, delivery.GetProperty("attempts").GetInt32());
        Assert.Contains("503", delivery.Text("lastError"), StringComparison.Ordinal);
        var attempts = receiver.Received("flaky");
        Assert.Equal(5, attempts.Count);
        Assert.Single(attempts.Select(attempt => attempt.Id).Distinct()); // one message, retried: the receiver can deduplicate
        var gaps = attempts.Zip(attempts.Skip(1), (earlier, later) => long.Parse(later.Timestamp, System.Globalization.CultureInfo.InvariantCulture)
            - long.Parse(earlier.Timestamp, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(gaps[^1] >= gaps[0], $"the pauses grow: {string.Join(", ", gaps)} s");

        receiver.Heal("flaky");
        await api.JsonAsync(HttpMethod.Post, $"/api/v1/notifications/{delivery.GetProperty("id").GetGuid()}/replay");
        await Eventually.ReachesAsync(() => Deliveries(api, id, "webhook"), deliveries => deliveries[0].Text("status") == "delivered",
            EscalationsClient.PipelineTimeout, "the replayed delivery");
        Assert.True(receiver.Received("flaky")[^1].SignedWith(secret));
        Assert.Equal("escalation.submitted", JsonDocument.Parse(receiver.Received("flaky")[^1].Body).RootElement.GetProperty("type").GetString());
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

    private static async Task<IReadOnlyList<JsonElement>> Deliveries(EscalationsClient api, Guid escalationId, string channel) =>
        [.. (await api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={escalationId}&channel={channel}")).GetProperty("items").EnumerateArray()];
}
