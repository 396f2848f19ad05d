using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Changes and deployments through the gateway: in the platform's shape at /api/v1/changes and in PagerDuty's at
/// /v2/change/enqueue (its routing_key the credential); read back for a product area, and for a moment the changes of its
/// area or release made shortly before it.</summary>
public sealed class ChangeEventsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Changes_posted_in_both_shapes_are_the_ones_shortly_before_a_moment_in_their_product_area()
    {
        await platform.ProvisionAsync(Tenants.Changes);
        using var api = platform.Escalations(Tenants.Changes);
        var area = $"payments-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;

        using (var posted = await api.SendAsync(HttpMethod.Post, "/api/v1/changes", new
               {
                   summary = "Deployed the payment service 5.3", kind = "deployment", source = "ci", productArea = area, release = "5.3",
                   at = now.AddMinutes(-10), link = "https://ci.example/builds/4711",
               }))
        {
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        using (var elsewhere = await api.SendAsync(HttpMethod.Post, "/api/v1/changes", new { summary = "Exports flag on", productArea = $"{area}-exports", at = now.AddMinutes(-5) }))
        {
            Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        }

        var integration = await Credentials.CreateAsync(platform, Tenants.Changes, new { name = "change events", kind = "pagerduty", customerId = "acme" });
        using var gateway = platform.CreateClient("gateway");
        using (var pagerDuty = await gateway.PostAsJsonAsync("/v2/change/enqueue", new
               {
                   routing_key = integration.Key,
                   payload = new
                   {
                       summary = "Feature flag fast-checkout enabled", source = "flags-service",
                       timestamp = now.AddMinutes(-3).ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", System.Globalization.CultureInfo.InvariantCulture),
                       custom_details = new { product_area = area },
                   },
                   links = new[] { new { href = "https://flags.example/fast-checkout", text = "the flag" } },
               }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, pagerDuty.StatusCode);
            Assert.Equal("Change event processed", (await pagerDuty.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Text("message"));
        }

        var before = await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/changes?productArea={area}&before={Uri.EscapeDataString(now.ToString("O"))}");
        Assert.Equal([("Feature flag fast-checkout enabled", "change", "pagerduty"), ("Deployed the payment service 5.3", "deployment", "api")],
            before.EnumerateArray().Select(change => (change.Text("summary"), change.Text("kind"), change.Text("via"))));
        Assert.Equal("https://flags.example/fast-checkout", before[0].Text("link"));
        Assert.Empty((await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/changes?productArea={area}&before={Uri.EscapeDataString(now.AddHours(-3).ToString("O"))}")).EnumerateArray());

        using (var bad = await api.SendAsync(HttpMethod.Post, "/api/v1/changes", new { kind = "release", at = now.AddHours(1), link = "javascript:alert(1)" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal(["at", "kind", "link", "summary"], errors.EnumerateObject().Select(error => error.Name).Order());
        }

        using (var badEvent = await gateway.PostAsJsonAsync("/v2/change/enqueue", new { routing_key = integration.Key, payload = new { source = "x", timestamp = "yesterday" } },
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badEvent.StatusCode);
            var errors = (await badEvent.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray().Select(error => error.GetString()!).ToList();
            Assert.Contains(errors, error => error.StartsWith("payload.timestamp", StringComparison.Ordinal));
            Assert.Contains(errors, error => error.StartsWith("payload.summary: required", StringComparison.Ordinal));
        }

        using (var unknownKey = await gateway.PostAsJsonAsync("/v2/change/enqueue", new { routing_key = new string('k', 32), payload = new { summary = "x" } },
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownKey.StatusCode);
        }
    }
}
