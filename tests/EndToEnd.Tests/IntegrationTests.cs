using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>The compatibility doors: PagerDuty Events API v2 at /v2/enqueue and Alertmanager's webhook.</summary>
public sealed class IntegrationTests(PlatformFixture platform)
{
    [Fact]
    public async Task PagerDuty_trigger_repeat_acknowledge_resolve_and_trigger_again_behave_as_PagerDuty_documents()
    {
        var integration = await Credentials.CreateAsync(platform, Tenants.PagerDuty, new { name = "datadog", kind = "pagerduty", customerId = "acme" });
        using var api = platform.Escalations(Tenants.PagerDuty);
        using var gateway = platform.CreateClient("gateway");
        Assert.Equal(32, integration.Key.Length);

        var triggered = await EnqueueAsync(gateway, integration.Key, "trigger", "db1-disk-full", "warning");
        Assert.Equal("success", triggered.GetProperty("status").GetString());
        Assert.Equal("Event processed", triggered.GetProperty("message").GetString());
        Assert.Equal("db1-disk-full", triggered.GetProperty("dedup_key").GetString());
        var first = Assert.Single(await ListAsync(api));
        var record = await api.WaitForAsync(first, r => r.Status() == "assigned", "assigned");
        Assert.Equal("pagerduty-events", record.GetProperty("source").GetString());
        Assert.Equal("S3", record.GetProperty("severity").GetString());
        Assert.Equal("database", record.GetProperty("facts").GetProperty("productArea").GetString());
        Assert.Contains("severity:warning", record.GetProperty("facts").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));

        await EnqueueAsync(gateway, integration.Key, "trigger", "db1-disk-full", "warning");
        Assert.Single(await ListAsync(api));
        Assert.Single((await api.GetAsync(first)).Timeline("alert-repeated"));

        await EnqueueAsync(gateway, integration.Key, "acknowledge", "db1-disk-full");
        Assert.Equal("acknowledged", (await api.GetAsync(first)).Status());

        await EnqueueAsync(gateway, integration.Key, "resolve", "db1-disk-full");
        var resolved = await api.GetAsync(first);
        Assert.Equal("resolved", resolved.Status());
        Assert.Single(resolved.Timeline("resolved-at-source"));

        await EnqueueAsync(gateway, integration.Key, "trigger", "db1-disk-full", "critical");
        var both = await ListAsync(api);
        Assert.Equal(2, both.Count);
        var second = both.Single(id => id != first);
        Assert.Equal("S1", (await api.WaitForAsync(second, r => r.TryGetProperty("severity", out _), "triaged")).GetProperty("severity").GetString());

        var generated = await EnqueueAsync(gateway, integration.Key, "trigger", dedupKey: null, severity: "info");
        Assert.Equal(32, generated.GetProperty("dedup_key").GetString()!.Length);
        Assert.Equal(3, (await ListAsync(api)).Count);
    }

    [Theory]
    [InlineData("""{"event_action":"explode","payload":{"summary":"s","source":"h","severity":"info"}}""", "event_action")]
    [InlineData("""{"event_action":"trigger","payload":{"source":"h","severity":"info"}}""", "payload.summary")]
    [InlineData("""{"event_action":"trigger","payload":{"summary":"s","source":"h","severity":"fatal"}}""", "payload.severity")]
    [InlineData("""{"event_action":"acknowledge"}""", "dedup_key")]
    [InlineData("""{"event_action":"trigger","dedup_key":"LONGKEY","payload":{"summary":"s","source":"h","severity":"info"}}""", "dedup_key")]
    public async Task An_invalid_PagerDuty_event_is_refused_with_400_listing_the_errors(string template, string field)
    {
        var integration = await Credentials.CreateAsync(platform, Tenants.PagerDuty, new { name = "invalid events", kind = "pagerduty", customerId = "acme" });
        using var gateway = platform.CreateClient("gateway");
        var body = JsonDocument.Parse(template.Replace("LONGKEY", new string('k', 256), StringComparison.Ordinal)).RootElement;
        var withKey = new Dictionary<string, JsonElement>(body.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, property.Value)))
        {
            ["routing_key"] = JsonSerializer.SerializeToElement(integration.Key),
        };

        using var response = await gateway.PostAsJsonAsync("/v2/enqueue", withKey, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Event object is invalid", problem.GetProperty("message").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), error => error.GetString()!.Contains(field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"event_action":"trigger"}""")]
    [InlineData("""{"routing_key":"0123456789abcdef0123456789abcdef","event_action":"trigger"}""")]
    [InlineData("""{"routing_key":42}""")]
    public async Task A_missing_or_unknown_routing_key_is_refused_with_400(string body)
    {
        using var gateway = platform.CreateClient("gateway");

        using var response = await gateway.PostAsync("/v2/enqueue", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_PagerDuty_integration_over_its_rate_limit_gets_429()
    {
        var integration = await Credentials.CreateAsync(platform, Tenants.PagerDuty,
            new { name = "noisy", kind = "pagerduty", customerId = "acme", rateLimitPerMinute = 2 });
        using var gateway = platform.CreateClient("gateway");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await gateway.PostAsJsonAsync("/v2/enqueue",
                new { routing_key = integration.Key, event_action = "acknowledge", dedup_key = "nothing-open" }, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task An_Alertmanager_group_opens_one_escalation_keyed_by_its_group_key_and_its_resolution_resolves_it()
    {
        var key = await Credentials.ApiKeyAsync(platform, Tenants.Alertmanager, ["integrations:alertmanager"], customerId: "globex");
        using var api = platform.Escalations(Tenants.Alertmanager);
        using var gateway = platform.CreateClient("gateway");
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"alertmanager:{key.Key}")));
        var cancellationToken = TestContext.Current.CancellationToken;

        using (var firing = await gateway.PostAsJsonAsync("/api/v1/integrations/alertmanager", Group("firing", "hooli"), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, firing.StatusCode);
        }

        var id = Assert.Single(await ListAsync(api));
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        Assert.Equal("alertmanager", record.GetProperty("source").GetString());
        Assert.Equal("S1", record.GetProperty("severity").GetString());
        // The key is bound to globex: a customer label naming another customer does not move the alert to it.
        Assert.Equal("globex", record.GetProperty("facts").GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal("checkout", record.GetProperty("facts").GetProperty("productArea").GetString());
        Assert.Contains("Checkout error rate above 5%", record.GetProperty("title").GetString(), StringComparison.Ordinal);

        using (var again = await gateway.PostAsJsonAsync("/api/v1/integrations/alertmanager", Group("firing", "hooli"), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }

        using (var resolved = await gateway.PostAsJsonAsync("/api/v1/integrations/alertmanager", Group("resolved", "hooli"), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, resolved.StatusCode);
        }

        // The group was critical (S1): the alert clearing does not stand in for the root cause an S1 resolution needs.
        Assert.Single(await ListAsync(api));
        var cleared = await api.GetAsync(id);
        Assert.Equal("assigned", cleared.Status());
        Assert.Single(cleared.Timeline("cleared-at-source"));
        Assert.Single(cleared.Timeline("alert-repeated"));

        await api.DoAsync(id, "acknowledge", actor: cleared.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString());
        await api.DoAsync(id, "actions", new { description = "Rolled back the checkout release" });
        await api.DoAsync(id, "resolve", new { kind = "fix", summary = "Rolled back the checkout release", rootCause = "A bad release of checkout" });
        Assert.Equal("resolved", (await api.GetAsync(id)).Status());
    }

    [Fact]
    public async Task An_Alertmanager_payload_of_another_version_is_refused_naming_the_field()
    {
        var key = await Credentials.ApiKeyAsync(platform, Tenants.Alertmanager, ["integrations:alertmanager"], customerId: "globex");
        using var gateway = Credentials.WithKey(platform, key.Key);

        using var response = await gateway.PostAsJsonAsync("/api/v1/integrations/alertmanager", new { version = "3", status = "firing" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("version", out _));
        Assert.True(errors.TryGetProperty("groupKey", out _));
        Assert.True(errors.TryGetProperty("alerts", out _));
    }

    private static object Group(string status, string customer) => new
    {
        version = "4",
        groupKey = "{}/{severity=\"critical\"}:{alertname=\"CheckoutErrors\"}",
        truncatedAlerts = 0,
        status,
        receiver = "escalation-platform",
        groupLabels = new Dictionary<string, string> { ["alertname"] = "CheckoutErrors" },
        commonLabels = new Dictionary<string, string> { ["alertname"] = "CheckoutErrors", ["severity"] = "critical", ["service"] = "checkout", ["customer"] = customer },
        commonAnnotations = new Dictionary<string, string> { ["summary"] = "Checkout error rate above 5%", ["description"] = "5xx from checkout-api" },
        externalURL = "http://alertmanager.example:9093",
        alerts = new[]
        {
            new
            {
                status,
                labels = new Dictionary<string, string> { ["alertname"] = "CheckoutErrors", ["instance"] = "checkout-1" },
                annotations = new Dictionary<string, string> { ["summary"] = "checkout-1 error rate 7%" },
                startsAt = DateTimeOffset.UtcNow.AddMinutes(-3),
                endsAt = status == "resolved" ? DateTimeOffset.UtcNow : DateTimeOffset.MinValue,
                generatorURL = "http://prometheus.example:9090/graph?g0.expr=errors",
                fingerprint = "c0ffee",
            },
        },
    };

    private static async Task<JsonElement> EnqueueAsync(HttpClient gateway, string routingKey, string action, string? dedupKey = null, string severity = "warning")
    {
        var body = new Dictionary<string, object?> { ["routing_key"] = routingKey, ["event_action"] = action };
        if (dedupKey is not null)
        {
            body["dedup_key"] = dedupKey;
        }

        if (action == "trigger")
        {
            body["payload"] = new
            {
                summary = $"Disk on db1 {severity}: 92% full",
                source = "db1.prod.example",
                severity,
                component = "database",
                group = "prod-db",
                @class = "disk",
                custom_details = new { free_gb = 8 },
            };
        }

        using var response = await gateway.PostAsJsonAsync("/v2/enqueue", body, TestContext.Current.CancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, answer.ToString());
        return answer;
    }

    private static async Task<IReadOnlyList<Guid>> ListAsync(EscalationsClient api) =>
        [.. (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100")).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
}
