using System.Text.Json;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests.Hostile;

/// <summary>A tenant with something of everything an attacker could aim at: an assigned escalation of one customer
/// (with its offer, clocks and a delivery), one of another customer, a webhook subscription, a read key, a write key
/// and a key bound to the second customer, a known error, and the problem record its two escalations make (its knowledge
/// settings raise one from two cases of one error). Its ids and secrets are what no other tenant's answer may contain.</summary>
public sealed record SeededTenant(
    string Tenant, string SecretTitle, Guid Escalation, Guid CustomerEscalation, Guid Webhook, Guid Delivery,
    Credentials.Created ReadKey, Credentials.Created WriteKey, Credentials.Created CustomerKey, Guid Problem)
{
    /// <summary>The customer of <see cref="Escalation"/>.</summary>
    public const string Customer = "initech";

    /// <summary>The customer <see cref="CustomerKey"/> is bound to, and of <see cref="CustomerEscalation"/>.</summary>
    public const string BoundCustomer = "globex";

    /// <summary>The known error every seeded tenant has under the same id (its title is the tenant's own).</summary>
    public const string Article = "seeded-known-error";

    private string ArticleTitle => $"{Tenant} confidential known error";

    public static string WebhookUrl => PlatformFixture.WebhookSinkUrl;

    public const string KnowledgeSettings = "/api/v1/triage/knowledge/settings";

    /// <summary>What must never appear in an answer to anyone else: the tenant's ids, its confidential title and its
    /// keys' secrets.</summary>
    public IEnumerable<string> Secrets() =>
    [
        Escalation.ToString(), CustomerEscalation.ToString(), Webhook.ToString(), Delivery.ToString(),
        ReadKey.Id.ToString(), WriteKey.Id.ToString(), CustomerKey.Id.ToString(), ReadKey.Key, WriteKey.Key, CustomerKey.Key, SecretTitle, ArticleTitle,
        Problem.ToString(),
    ];

    /// <summary>The secrets of this tenant's the text contains.</summary>
    public IEnumerable<string> SecretsIn(string text) => Secrets().Where(secret => text.Contains(secret, StringComparison.Ordinal));

    public static async Task<SeededTenant> SeedAsync(PlatformFixture platform, string tenant)
    {
        using var api = platform.Escalations(tenant);
        var secretTitle = $"{tenant} confidential outage";
        var webhook = (await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = WebhookUrl })).GetProperty("id").GetGuid();
        using (var article = await api.SendAsync(HttpMethod.Put, $"/api/v1/triage/knowledge/articles/{Article}", new
               {
                   title = $"{tenant} confidential known error", errorMessages = new[] { "Ledger sync failed with code 42" }, workaround = "Retry the sync.", owner = "ada",
               }))
        {
            Assert.True(article.IsSuccessStatusCode || article.StatusCode == System.Net.HttpStatusCode.PreconditionRequired, $"{(int)article.StatusCode}");
        }

        await api.PublishAsync(KnowledgeSettings, settings =>
        {
            settings["problemCases"] = 2;
            settings["problemKinds"] = new System.Text.Json.Nodes.JsonArray("error-signature");
        }, "two cases of one error are a problem here");
        var escalation = await SubmitAssignedAsync(api, secretTitle, Customer);
        var customerEscalation = await SubmitAssignedAsync(api, $"{secretTitle} for {BoundCustomer}", BoundCustomer);
        var deliveries = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={escalation}"),
            page => page.GetProperty("items").GetArrayLength() > 0, EscalationsClient.PipelineTimeout, "a delivery");
        var delivery = deliveries.GetProperty("items")[0].GetProperty("id").GetGuid();
        var problems = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/triage/problems"), list => list.GetArrayLength() == 1,
            EscalationsClient.PipelineTimeout, "the problem of its two escalations");
        var readKey = await Credentials.CreateAsync(platform, tenant,
            new { name = "seeded reader", scopes = new[] { "escalations:read" }, rateLimitPerMinute = 100_000 });
        var writeKey = await Credentials.CreateAsync(platform, tenant,
            new { name = "seeded writer", scopes = new[] { "escalations:read", "escalations:write" }, rateLimitPerMinute = 100_000 });
        var customerKey = await Credentials.CreateAsync(platform, tenant,
            new { name = "seeded customer", scopes = new[] { "escalations:read", "escalations:write" }, customerId = BoundCustomer, rateLimitPerMinute = 100_000 });
        return new(tenant, secretTitle, escalation, customerEscalation, webhook, delivery, readKey, writeKey, customerKey, problems[0].GetProperty("id").GetGuid());
    }

    /// <summary>What a hostile request could have changed: each escalation's status and timeline, the webhook
    /// subscriptions, the credentials (and whether revoked), the triage matrix version, the SLA and routing policies.</summary>
    public async Task<TenantSnapshot> SnapshotAsync(PlatformFixture platform)
    {
        using var api = platform.Escalations(Tenant);
        async Task<string> EscalationAsync(Guid id)
        {
            var record = await api.GetAsync(id);
            return $"{record.Status()}, {record.GetProperty("timeline").GetArrayLength()} timeline entries";
        }

        static string Ids(JsonElement list, params string[] properties) => string.Join("; ", list.EnumerateArray()
            .Select(item => string.Join(' ', properties.Select(property => item.TryGetProperty(property, out var value) ? value.ToString() : "-"))).Order(StringComparer.Ordinal));

        return new(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["escalation"] = await EscalationAsync(Escalation),
            ["customer escalation"] = await EscalationAsync(CustomerEscalation),
            ["webhooks"] = Ids(await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/webhooks"), "id", "url"),
            ["keys"] = Ids(await api.JsonAsync(HttpMethod.Get, "/api/v1/admin/api-keys"), "id", "revokedAt"),
            ["matrix"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/matrix")).GetProperty("version").ToString(),
            ["sla"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/sla/policy")).ToString(),
            ["checklists"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/checklists")).GetProperty("version").ToString(),
            ["notification rules"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/rules")).GetProperty("version").ToString(),
            ["templates"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/templates")).GetProperty("version").ToString(),
            ["insight settings"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/insights/settings")).GetProperty("version").ToString(),
            ["routing"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policy")).ToString(),
            ["teams"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/teams")).ToString(),
            ["rules"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/rules")).ToString(),
            ["customers"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations/customers")).ToString(),
            ["schedules"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/schedules/technical-support-on-call")).ToString(),
            ["changes"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/changes")).ToString(),
            ["problems"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/problems")).ToString(),
            ["knowledge settings"] = (await api.JsonAsync(HttpMethod.Get, KnowledgeSettings)).GetProperty("version").ToString(),
            ["knowledge"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/knowledge/articles")).ToString()
                + (await api.JsonAsync(HttpMethod.Get, $"/api/v1/triage/knowledge/articles/{Article}")).ToString(),
            ["escalation policies"] = (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies")).ToString()
                + (await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/major-incident")).ToString(),
        });
    }

    /// <summary>A technical case with every fact its checklist needs (S3: an hour's acknowledgement window, so nothing
    /// moves on its own while the tests run), once it is assigned, offered and on the clock.</summary>
    private static async Task<Guid> SubmitAssignedAsync(EscalationsClient api, string title, string customer)
    {
        var id = await api.SubmitAsync(new
        {
            title,
            issueType = "technical",
            customer = new { id = customer },
            impact = new { scope = "team" },
            urgency = new { workaroundAvailable = true },
            context = new { errorMessages = new[] { "E1" }, reproductionSteps = "r", affectedServices = new[] { "s" }, firstSeenAt = DateTimeOffset.UtcNow },
        });
        await api.WaitForAsync(id, record => record.Status() == "assigned" && record.Timeline("offered").Any()
            && record.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3, "assigned and on the clock");
        return id;
    }
}

/// <summary>A tenant's data at one moment, part by part.</summary>
public sealed record TenantSnapshot(IReadOnlyDictionary<string, string> Parts)
{
    /// <summary>The parts that differ from <paramref name="before"/> (all but those a legitimate request changed).</summary>
    public IEnumerable<string> ChangesSince(TenantSnapshot before, IReadOnlySet<string>? mayChange = null) =>
        before.Parts.Where(part => mayChange?.Contains(part.Key) != true && Parts[part.Key] != part.Value)
            .Select(part => $"{part.Key}: was <{part.Value}>, is <{Parts[part.Key]}>");
}
