using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>The credential decides who the caller is, which tenant and what it may touch; nothing the caller says
/// overrides the directory, and nothing fails open.</summary>
public sealed class TrustBoundaryTests(PlatformFixture platform)
{
    private static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_known_customers_tier_contract_and_contact_come_from_the_directory_whatever_the_submission_says()
    {
        using var api = platform.Escalations(Tenants.Trust);
        var accepted = await api.JsonAsync(HttpMethod.Post, "/api/v1/escalations", new
        {
            title = "Exports fail for one user",
            issueType = "other",
            customer = new { id = "initech", tier = "strategic", contractualSla = true, contactEmail = "attacker@elsewhere.example", timeZone = "Asia/Tokyo" },
            impact = new { scope = "single-user" },
            urgency = new { workaroundAvailable = true },
        });

        var record = await api.GetAsync(accepted.GetProperty("id").GetGuid());
        var customer = record.GetProperty("facts").GetProperty("customer");
        Assert.Equal("standard", customer.GetProperty("tier").GetString());
        Assert.False(customer.GetProperty("contractualSla").GetBoolean());
        Assert.Equal("America/Chicago", customer.GetProperty("timeZone").GetString());
        Assert.Equal($"support@initech.{Tenants.Trust}.example", customer.GetProperty("contactEmail").GetString());
        var ignored = accepted.GetProperty("ignored").EnumerateArray().Select(item => item.GetString()!).ToList();
        Assert.Contains(ignored, item => item.StartsWith("customer.tier", StringComparison.Ordinal));
        Assert.Contains(ignored, item => item.StartsWith("customer.contactEmail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_people_on_a_case_work_it_and_anyone_else_gets_403_naming_who_can()
    {
        using var api = platform.Escalations(Tenants.Trust);
        var id = await api.SubmitAsync(Cases.TeamProblem("globex"));
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var offeree = assigned.GetProperty("offer").GetProperty("offeredTo").GetProperty("id").GetString()!;

        using var strangerAcknowledges = await api.CommandAsync(id, "acknowledge", actor: "someone-else");
        Assert.Equal(HttpStatusCode.Forbidden, strangerAcknowledges.StatusCode);
        await api.DoAsync(id, "acknowledge", actor: offeree);

        using var strangerResolves = await api.CommandAsync(id, "resolve", new { kind = "fix", summary = "mine now" }, actor: "someone-else");
        var problem = await strangerResolves.Content.ReadFromJsonAsync<JsonElement>(Cancelled);
        Assert.Equal(HttpStatusCode.Forbidden, strangerResolves.StatusCode);
        Assert.Contains("only the owner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("acknowledged", (await api.GetAsync(id)).Status());

        await api.DoAsync(id, "customer-updates", new { message = "Working on it" }, actor: offeree);
        Assert.Equal("in-progress", (await api.GetAsync(id)).Status());
    }

    [Fact]
    public async Task A_key_bound_to_a_customer_sees_and_submits_for_that_customer_only()
    {
        using var api = platform.Escalations(Tenants.Trust);
        var otherCustomers = await api.SubmitAsync(Cases.TeamProblem("hooli"));
        var bound = await Credentials.ApiKeyAsync(platform, Tenants.Trust, ["escalations:read", "escalations:write"], customerId: "soylent");
        using var partner = Credentials.WithKey(platform, bound.Key);

        using var foreignSubmission = await partner.PostAsJsonAsync("/api/v1/escalations", Cases.TeamProblem("hooli"), Cancelled);
        var own = await (await partner.PostAsJsonAsync("/api/v1/escalations", Cases.TeamProblem("soylent"), Cancelled)).Content.ReadFromJsonAsync<JsonElement>(Cancelled);
        using var foreignRecord = await partner.GetAsync($"/api/v1/escalations/{otherCustomers}", Cancelled);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/v1/escalations?limit=100", Cancelled);
        using var tenantConfiguration = await partner.GetAsync("/api/v1/sla/policy", Cancelled);

        Assert.Equal(HttpStatusCode.BadRequest, foreignSubmission.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignRecord.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenantConfiguration.StatusCode);
        var ids = list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(own.GetProperty("id").GetGuid(), ids);
        Assert.DoesNotContain(otherCustomers, ids);
        Assert.All(list.GetProperty("items").EnumerateArray(), item => Assert.Equal("soylent", item.GetProperty("customer").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task One_integrations_dedup_key_is_not_another_integrations()
    {
        using var api = platform.Escalations(Tenants.Trust);
        var first = await Credentials.CreateAsync(platform, Tenants.Trust, new { name = "monitoring one", kind = "pagerduty", customerId = "acme" });
        var second = await Credentials.CreateAsync(platform, Tenants.Trust, new { name = "monitoring two", kind = "pagerduty", customerId = "acme" });
        using var gateway = platform.CreateClient("gateway");
        const string dedupKey = "shared-disk-alert";

        using (var trigger = await gateway.PostAsJsonAsync("/v2/enqueue", new
        {
            routing_key = first.Key,
            event_action = "trigger",
            dedup_key = dedupKey,
            payload = new { summary = "Disk 91% full on db1", source = "db1", severity = "warning" },
        }, Cancelled))
        {
            Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        }

        using (var otherResolves = await gateway.PostAsJsonAsync("/v2/enqueue", new { routing_key = second.Key, event_action = "resolve", dedup_key = dedupKey }, Cancelled))
        {
            Assert.Equal(HttpStatusCode.Accepted, otherResolves.StatusCode); // PagerDuty accepts it; there is nothing of this key's to resolve
        }

        var raised = Assert.Single((await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100")).GetProperty("items").EnumerateArray(),
            item => item.GetProperty("title").GetString() == "Disk 91% full on db1");
        Assert.NotEqual("resolved", raised.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_idempotency_replay_never_hands_out_a_secret_and_keys_belong_to_their_credential()
    {
        using var admin = await platform.GatewayAsAsync(Tenants.Trust);
        var request = new { name = "ticketing", scopes = new[] { "escalations:read" } };

        var first = await SendAsync(admin, "/api/v1/admin/api-keys", request, "create-ticketing-key");
        var replay = await SendAsync(admin, "/api/v1/admin/api-keys", request, "create-ticketing-key");
        var otherBody = await SendAsync(admin, "/api/v1/admin/api-keys", new { name = "another", scopes = new[] { "escalations:read" } }, "create-ticketing-key");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.StartsWith("ep_", first.Body.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, replay.Status);
        Assert.Equal(first.Body.GetProperty("id").GetGuid(), replay.Body.GetProperty("id").GetGuid());
        Assert.False(replay.Body.TryGetProperty("key", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.Status);

        using var otherAdmin = platform.CreateClient("gateway");
        otherAdmin.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync(Tenants.Trust, "another-admin", "admin"));
        var sameKeyOtherCredential = await SendAsync(otherAdmin, "/api/v1/admin/api-keys", request, "create-ticketing-key");
        Assert.Equal(HttpStatusCode.Created, sameKeyOtherCredential.Status);
        Assert.NotEqual(first.Body.GetProperty("id").GetGuid(), sameKeyOtherCredential.Body.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task No_tenant_can_mint_the_operators_scope_and_the_operator_reaches_only_operations()
    {
        using var admin = await platform.GatewayAsAsync(Tenants.Trust);
        using var operations = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name = "ops", scopes = new[] { "operations" } }, Cancelled);
        using var @operator = platform.Host.OperatorClient();
        using var queues = await @operator.GetAsync("/api/v1/escalations/ops/error-queues", Cancelled);
        using var escalations = await @operator.GetAsync("/api/v1/escalations", Cancelled);
        using var keys = await @operator.GetAsync("/api/v1/admin/api-keys", Cancelled);

        Assert.Equal(HttpStatusCode.BadRequest, operations.StatusCode);
        Assert.True((await operations.Content.ReadFromJsonAsync<JsonElement>(Cancelled)).GetProperty("errors").TryGetProperty("scopes", out _));
        Assert.Equal(HttpStatusCode.OK, queues.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, escalations.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
    }

    [Fact]
    public async Task A_credential_sent_through_the_gateway_never_reaches_a_service_and_one_sent_to_a_service_is_refused()
    {
        var key = await Credentials.ApiKeyAsync(platform, Tenants.Trust, ["escalations:read"]);
        using var throughGateway = Credentials.WithKey(platform, key.Key);
        using var direct = platform.Host.SignedClient("intake-api", Tenants.Trust);
        direct.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        using var proxied = await throughGateway.GetAsync("/api/v1/escalations?limit=1", Cancelled);
        using var around = await direct.GetAsync("/api/v1/escalations?limit=1", Cancelled);

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode); // the service refuses requests that carry a credential: the gateway stripped it
        Assert.Equal(HttpStatusCode.Unauthorized, around.StatusCode);
    }

    [Fact]
    public async Task A_signed_request_is_good_once_for_its_own_method_path_and_service()
    {
        using var intake = platform.Host.SignedClient("intake-api", Tenants.Trust);
        using var first = await intake.GetAsync("/api/v1/escalations?limit=1", Cancelled);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var identity = new EscalationPlatform.Web.Tenancy.PlatformIdentity(Tenants.Trust, new EscalationPlatform.Contracts.Actor(
            EscalationPlatform.Contracts.ActorKind.Person, "replayer", "replayer"), Roles: ["admin"]);
        var signed = platform.Trust.Stamp(identity, new EscalationPlatform.Web.Tenancy.SignedRequest(
            "GET", "intake", "/api/v1/escalations?limit=1", EscalationPlatform.Web.Tenancy.SignedRequest.EmptyBodySha256), DateTimeOffset.UtcNow);
        using var raw = platform.CreateClient("intake-api");
        async Task<HttpStatusCode> SendAsync(string path, string? service = null)
        {
            using var client = service is null ? null : platform.CreateClient(service);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            foreach (var (name, value) in signed)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await (client ?? raw).SendAsync(request, Cancelled);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("/api/v1/escalations?limit=2")); // another query
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("/api/v1/routing/teams", "routing-api")); // another service
        Assert.Equal(HttpStatusCode.OK, await SendAsync("/api/v1/escalations?limit=1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("/api/v1/escalations?limit=1")); // the same again: a replay
    }

    [Fact]
    public async Task Answers_are_not_to_be_sniffed_framed_or_cached()
    {
        using var gateway = await platform.GatewayAsAsync(Tenants.Trust);

        using var response = await gateway.GetAsync("/api/v1/escalations?limit=1", Cancelled);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request, Cancelled);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Cancelled));
    }
}
