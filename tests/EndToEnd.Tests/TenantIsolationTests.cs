using System.Net;
using System.Text;
using EscalationPlatform.Contracts.Escalation.V1;
using EscalationPlatform.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests;

/// <summary>Tenant A's credentials on tenant B's data: every endpoint, REST and gRPC, answers as if B's data did
/// not exist (404, or an empty list), and no answer carries anything of B's.</summary>
public sealed class TenantIsolationTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string SecretTitle = "Isolation-B confidential outage";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (Guid Escalation, Guid Webhook, Guid Delivery, Guid Credential)? _tenantB;

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _tenantB ??= await SeedTenantBAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A valid body for each command, so that only the tenant decides the answer.</summary>
    private static readonly Dictionary<string, string?> CommandBodies = new()
    {
        ["acknowledge"] = null,
        ["context"] = """{"context":{"observed":"probe"}}""",
        ["actions"] = """{"description":"probe"}""",
        ["customer-updates"] = """{"message":"probe"}""",
        ["wait-on-customer"] = """{"reason":"probe"}""",
        ["resume"] = null,
        ["resolve"] = """{"kind":"fix","summary":"probe","rootCause":"probe"}""",
        ["confirm-closure"] = null,
        ["reopen"] = """{"reason":"probe"}""",
        ["cancel"] = """{"reason":"probe"}""",
        ["severity"] = """{"severity":"S1","reason":"probe"}""",
        ["contest"] = """{"reason":"probe"}""",
    };

    public static TheoryData<string, string, string?> RequestsOnTenantB() =>
    [
        ("GET", "/api/v1/escalations/{escalation}", null),
        ("GET", "/api/v1/escalations/{escalation}/clocks", null),
        .. GatewayEndpoints.Commands.Select(command => ("POST", $"/api/v1/escalations/{{escalation}}/{command}", CommandBodies[command])),
        ("GET", "/api/v1/routing/escalations/{escalation}/ownership", null),
        ("GET", "/api/v1/sla/escalations/{escalation}/clocks", null),
        ("DELETE", "/api/v1/notifications/webhooks/{webhook}", null),
        ("POST", "/api/v1/notifications/{delivery}/replay", null),
        ("DELETE", "/api/v1/admin/api-keys/{credential}", null),
    ];

    [Theory]
    [MemberData(nameof(RequestsOnTenantB))]
    public async Task Tenant_As_admin_finds_nothing_of_tenant_Bs(string method, string template, string? body)
    {
        var b = _tenantB!.Value;
        var path = template.Replace("{escalation}", b.Escalation.ToString(), StringComparison.Ordinal)
            .Replace("{webhook}", b.Webhook.ToString(), StringComparison.Ordinal)
            .Replace("{delivery}", b.Delivery.ToString(), StringComparison.Ordinal)
            .Replace("{credential}", b.Credential.ToString(), StringComparison.Ordinal);
        using var tenantA = await platform.GatewayAsAsync(Tenants.IsolationA);
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await tenantA.SendAsync(request, TestContext.Current.CancellationToken);

        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode} {answer}");
        Assert.DoesNotContain(SecretTitle, answer, StringComparison.Ordinal);
        Assert.Equal("assigned", (await platform.Escalations(Tenants.IsolationB).GetAsync(b.Escalation)).Status());
    }

    [Theory]
    [InlineData("/api/v1/escalations?limit=100")]
    [InlineData("/api/v1/notifications?escalationId={escalation}")]
    [InlineData("/api/v1/notifications/webhooks")]
    [InlineData("/api/v1/admin/api-keys")]
    public async Task Tenant_As_lists_never_show_tenant_Bs_items(string template)
    {
        var b = _tenantB!.Value;
        using var tenantA = await platform.GatewayAsAsync(Tenants.IsolationA);

        var body = await tenantA.GetStringAsync(template.Replace("{escalation}", b.Escalation.ToString(), StringComparison.Ordinal), TestContext.Current.CancellationToken);

        foreach (var id in new[] { b.Escalation, b.Webhook, b.Delivery, b.Credential })
        {
            Assert.DoesNotContain(id.ToString(), body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SecretTitle, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_As_grpc_calls_find_nothing_of_tenant_Bs()
    {
        var b = _tenantB!.Value;
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"));
        var client = new Escalations.EscalationsClient(channel);
        var asA = new CallOptions(new Metadata { { "authorization", $"Bearer {await platform.TokenAsync(Tenants.IsolationA)}" } },
            DateTime.UtcNow.AddSeconds(10), TestContext.Current.CancellationToken);

        var get = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = b.Escalation.ToString() }, asA));
        var watch = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = client.WatchUpdates(new WatchRequest { Id = b.Escalation.ToString() }, asA);
            await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken);
        });
        var list = await client.ListAsync(new ListRequest { Limit = 100 }, asA);

        Assert.Equal(StatusCode.NotFound, get.StatusCode);
        Assert.Equal(StatusCode.NotFound, watch.StatusCode);
        Assert.DoesNotContain(list.Items, item => item.Id == b.Escalation.ToString());
    }

    [Fact]
    public async Task Identity_headers_a_caller_sends_are_replaced_by_the_credentials()
    {
        var b = _tenantB!.Value;
        using var tenantA = await platform.GatewayAsAsync(Tenants.IsolationA);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/escalations/{b.Escalation}");
        request.Headers.Add("x-tenant-id", Tenants.IsolationB);
        request.Headers.Add("x-platform-signature", "v1,0,forged");

        using var response = await tenantA.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Tenant B: an escalation (assigned, so it has an offer and clocks), a webhook subscription, a delivery,
    /// and an API key.</summary>
    private async Task<(Guid, Guid, Guid, Guid)> SeedTenantBAsync()
    {
        using var api = platform.Escalations(Tenants.IsolationB);
        var webhook = (await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/webhooks", new { url = PlatformFixture.WebhookSinkUrl })).GetProperty("id").GetGuid();
        var escalation = await api.SubmitAsync(new
        {
            title = SecretTitle,
            issueType = "technical",
            customer = new { id = "acme" },
            impact = new { scope = "team" },
            urgency = new { workaroundAvailable = true },
            context = new { errorMessages = new[] { "E1" }, reproductionSteps = "r", affectedServices = new[] { "s" }, firstSeenAt = DateTimeOffset.UtcNow },
        });
        await api.WaitForAsync(escalation, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3, "assigned");
        var deliveries = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={escalation}"),
            page => page.GetProperty("items").GetArrayLength() > 0, EscalationsClient.PipelineTimeout, "a delivery");
        var delivery = deliveries.GetProperty("items")[0].GetProperty("id").GetGuid();
        var credential = await Credentials.ApiKeyAsync(platform, Tenants.IsolationB, ["escalations:read"]);
        return (escalation, webhook, delivery, credential.Id);
    }
}
