using System.Text;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Web.UnitTests;

/// <summary>The service side of the trust boundary: an HTTP request reaches the endpoint with an identity only when
/// the gateway signed that identity for exactly this request (its method, this service, its path and query, its body).</summary>
public sealed class TenantResolutionTests : IDisposable
{
    private const string Service = "intake";

    private static readonly PlatformIdentity Agent = new("acme", new Actor(ActorKind.Person, "u-17", "Ada"), Roles: ["agent"]);

    private readonly GatewayTrust _trust = new(Convert.FromBase64String(GatewayTrust.NewKey()));
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_request_the_gateway_signed_reaches_the_endpoint_as_its_identity_with_its_body_still_readable()
    {
        var body = """{"summary":"Checkout down"}""";

        var answer = await SendAsync(Signed(Agent, "POST", "/api/v1/intake/escalations?mine=true", body));

        Assert.Equal(200, answer.Status);
        Assert.Equal(Agent with { Roles = answer.Identity!.Roles }, answer.Identity);
        Assert.Equal(["agent"], answer.Identity.Roles!);
        Assert.Equal(body, answer.BodySeenByEndpoint);
    }

    public static TheoryData<string> Tampering => ["body", "query", "path", "method", "replayed"];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_signature_for_another_request_or_used_before_is_401_and_nothing_runs(string change)
    {
        var request = Signed(Agent, "POST", "/api/v1/intake/escalations?mine=true", """{"summary":"a"}""");
        if (change == "replayed")
        {
            Assert.Equal(200, (await SendAsync(request)).Status);
        }

        var answer = await SendAsync(change switch
        {
            "body" => request with { Body = """{"summary":"b"}""" },
            "query" => request with { PathAndQuery = "/api/v1/intake/escalations?mine=false" },
            "path" => request with { PathAndQuery = "/api/v1/intake/escalations/x?mine=true" },
            "method" => request with { Method = "PUT" },
            _ => request,
        });

        Assert.Equal(401, answer.Status);
        Assert.False(answer.Ran);
        Assert.Contains(GatewayTrust.SignatureHeader, answer.Body);
    }

    [Fact]
    public async Task A_request_signed_for_another_service_is_401()
    {
        var answer = await SendAsync(Signed(Agent, "GET", "/api/v1/intake/escalations", "", service: "sla"));

        Assert.Equal((401, false), (answer.Status, answer.Ran));
        Assert.Contains("does not match this request", answer.Body);
    }

    [Theory]
    [InlineData("Authorization", "Bearer eyJ")]
    [InlineData("X-Api-Key", "ep_live_x")]
    public async Task A_callers_credential_arriving_at_a_service_is_refused_even_beside_a_valid_signature(string header, string value)
    {
        var request = Signed(Agent, "GET", "/api/v1/intake/escalations", "");

        var answer = await SendAsync(request with { Headers = [.. request.Headers, new(header, value)] });

        Assert.Equal((401, false), (answer.Status, answer.Ran));
        Assert.Contains("send requests to the gateway", answer.Body);
    }

    [Theory]
    [InlineData("tenant", "/api/v1/intake/ops/error-queues", 403)]
    [InlineData("tenant", "/api/v1/intake/OPS/error-queues", 403)]
    [InlineData("operator", "/api/v1/intake/escalations", 403)]
    [InlineData("operator", "/api/v1/intake/ops/error-queues", 200)]
    [InlineData("operator", "/api/v1/intake/info", 200)]
    [InlineData("tenant", "/api/v1/intake/info", 200)]
    public async Task Only_the_operator_reaches_operations_and_the_operator_reaches_nothing_else_but_info(string who, string path, int status)
    {
        var identity = who == "operator" ? PlatformIdentity.Operator("operator:ada", "ada") : Agent;

        var answer = await SendAsync(Signed(identity, "GET", path, ""));

        Assert.Equal((status, status == 200), (answer.Status, answer.Ran));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/api/v1/intake/openapi.json")]
    public async Task Health_liveness_and_the_api_description_need_no_identity(string path)
    {
        var answer = await SendAsync(new Request("GET", path, "", []));

        Assert.Equal((200, true, (PlatformIdentity?)null), (answer.Status, answer.Ran, answer.Identity));
    }

    [Fact]
    public async Task A_grpc_call_without_a_valid_signature_is_left_for_the_interceptor_to_refuse_in_grpcs_terms()
    {
        var answer = await SendAsync(new Request("POST", "/escalation.intake.v1.Intake/Submit", "", [new(Tenant.Header, "acme")]) { ContentType = "application/grpc" });

        Assert.True(answer.Ran);
        Assert.Null(answer.Identity);
        Assert.Equal("no gateway signature", answer.GrpcRefusal);
    }

    [Theory]
    [InlineData(null, "demo")]
    [InlineData("globex", "globex")]
    public async Task Without_a_trust_key_in_Development_the_tenant_header_is_taken_as_sent(string? tenant, string expected)
    {
        var answer = await SendAsync(new Request("GET", "/api/v1/intake/escalations", "", tenant is null ? [] : [new(Tenant.Header, tenant)]), new GatewayTrust((byte[]?)null));

        Assert.Equal((200, expected), (answer.Status, answer.Identity?.TenantId));
    }

    [Fact]
    public async Task Without_a_trust_key_an_invalid_tenant_header_is_400()
    {
        var answer = await SendAsync(new Request("GET", "/api/v1/intake/escalations", "", [new(Tenant.Header, "Acme Corp")]), new GatewayTrust((byte[]?)null));

        Assert.Equal((400, false), (answer.Status, answer.Ran));
    }

    private Request Signed(PlatformIdentity identity, string method, string pathAndQuery, string body, string service = Service) =>
        new(method, pathAndQuery, body,
            [.. _trust.Stamp(identity, new SignedRequest(method, service, pathAndQuery, SignedRequest.HashOf(Encoding.UTF8.GetBytes(body))), DateTimeOffset.UtcNow)]);

    private async Task<Answer> SendAsync(Request request, GatewayTrust? trust = null)
    {
        string? seenBody = null;
        var ran = false;
        var middleware = new TenantResolutionMiddleware(async context =>
        {
            ran = true;
            seenBody = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.StatusCode = 200;
        }, new ConfigurationBuilder().Build(), trust ?? _trust, new PlatformService(Service), TimeProvider.System);

        await using var scope = _services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var split = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        http.Request.Method = request.Method;
        http.Request.Path = split < 0 ? request.PathAndQuery : request.PathAndQuery[..split];
        http.Request.QueryString = split < 0 ? QueryString.Empty : new QueryString(request.PathAndQuery[split..]);
        http.Request.ContentType = request.ContentType;
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(request.Body));
        foreach (var (name, value) in request.Headers)
        {
            http.Request.Headers[name] = value;
        }

        http.Response.Body = new MemoryStream();
        var tenant = new TenantContext();

        await middleware.InvokeAsync(http, tenant, _services.GetRequiredService<IProblemDetailsService>());

        http.Response.Body.Position = 0;
        return new Answer(http.Response.StatusCode, ran, tenant.IsResolved ? tenant.Identity : null, seenBody,
            await new StreamReader(http.Response.Body).ReadToEndAsync(), http.Items[TenantResolutionMiddleware.GrpcRefusalItem] as string);
    }

    private sealed record Request(string Method, string PathAndQuery, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
    {
        public string ContentType { get; init; } = "application/json";
    }

    private sealed record Answer(int Status, bool Ran, PlatformIdentity? Identity, string? BodySeenByEndpoint, string Body, string? GrpcRefusal);
}
