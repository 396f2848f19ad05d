using System.Text;
using System.Text.Json;
using EndToEnd.Tests.Hostile;
using EscalationPlatform.Contracts.Escalation.V1;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;

namespace EndToEnd.Tests;

/// <summary>Two tenants, each with an assigned escalation, a webhook subscription, a delivery, API keys and a key
/// bound to a customer. Every operation of the API (read from the OpenAPI documents, checked against the gateway's
/// route table) and every public gRPC method, called with each kind of credential of one tenant (admin, agent, write
/// key, customer-bound key) on the other tenant's resources, both ways: 404 or 403, lists without anything of the
/// other's, and both tenants' data unchanged. A customer-bound key sees its own customer's escalations only.</summary>
public sealed class TenantIsolationMatrixTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (SeededTenant A, SeededTenant B, TenantCallers CallersA, TenantCallers CallersB)? _seeded;

    /// <summary>Routes that hold no tenant's resources: the operator's surface and the integrations, whose credential
    /// only ever adds escalations to its own tenant (the corpus in <see cref="HostileRequestTests"/> covers them).</summary>
    private static bool TenantRoute(ApiOperation operation) =>
        !operation.IsOperations && operation.Template is not ("/v2/enqueue" or "/v2/change/enqueue" or "/api/v1/integrations/alertmanager" or "/api/v1/auth/dev-token");

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_seeded is null)
            {
                var tenants = await Task.WhenAll(SeededTenant.SeedAsync(platform, Tenants.MatrixA), SeededTenant.SeedAsync(platform, Tenants.MatrixB));
                _seeded = (tenants[0], tenants[1], await TenantCallers.CreateAsync(platform, tenants[0]), await TenantCallers.CreateAsync(platform, tenants[1]));
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Every_route_with_every_credential_of_one_tenant_finds_and_changes_nothing_of_the_others()
    {
        var (a, b, callersA, callersB) = _seeded!.Value;
        var operations = (await ApiCatalog.LoadAsync(platform)).Where(TenantRoute).ToList();
        var before = (A: await a.SnapshotAsync(platform), B: await b.SnapshotAsync(platform));

        var failures = new List<string>();
        var requests = 0;
        foreach (var (from, to, callers) in new[] { (a, b, callersA), (b, a, callersB) })
        {
            var bodies = await ValidBodies.CreateAsync(platform, from.Tenant, pagerDutyKey: "unused");
            var matrix = Requests(operations, bodies, to, Credentials(callers)).ToList();
            using var runner = new HostileRunner(platform, to.SecretsIn);
            var outcomes = await runner.RunAsync(matrix);
            failures.AddRange(outcomes.Where(outcome => outcome.Breach is not null).Select(outcome => $"{from.Tenant} → {to.Tenant}: {outcome}"));
            requests += outcomes.Count;
            failures.AddRange(Uncovered(matrix).Select(route => $"{from.Tenant} → {to.Tenant}: no request took route {route}"));
        }

        failures.AddRange((await a.SnapshotAsync(platform)).ChangesSince(before.A).Select(change => $"{a.Tenant} changed: {change}"));
        failures.AddRange((await b.SnapshotAsync(platform)).ChangesSince(before.B).Select(change => $"{b.Tenant} changed: {change}"));
        TestContext.Current.SendDiagnosticMessage($"{requests} cross-tenant requests over {operations.Count} operations");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} cross-tenant requests broke a rule:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Every_public_grpc_method_with_every_credential_of_one_tenant_finds_nothing_of_the_others()
    {
        var (a, b, callersA, callersB) = _seeded!.Value;
        var failures = new List<string>();
        foreach (var (to, callers) in new[] { (b, callersA), (a, callersB) })
        {
            var probes = Credentials(callers).SelectMany(caller => GrpcProbesOn(to, caller)).ToList();
            failures.AddRange(await GrpcProbe.RunAsync(platform, probes, to.SecretsIn));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_customer_bound_key_sees_and_touches_only_its_customers_escalations()
    {
        var (a, _, callers, _) = _seeded!.Value;
        var before = await a.SnapshotAsync(platform);
        var key = callers.CustomerKey;
        var other = a.Escalation.ToString();
        List<HostileRequest> requests =
        [
            new("customer", "another customer's escalation", HttpMethod.Get, $"/api/v1/escalations/{other}") { As = key, Expected = [404] },
            .. ValidBodies.CommandBodies.Select(command => new HostileRequest("customer", command.Key, HttpMethod.Post, $"/api/v1/escalations/{other}/{command.Key}")
            {
                As = key, Body = Encoding.UTF8.GetBytes(command.Value), Expected = [404],
            }),
            new("customer", "its ownership", HttpMethod.Get, $"/api/v1/routing/escalations/{other}/ownership") { As = key, Expected = [403] },
            new("customer", "its clocks", HttpMethod.Get, $"/api/v1/sla/escalations/{other}/clocks") { As = key, Expected = [403] },
            new("customer", "another customer's clocks", HttpMethod.Get, $"/api/v1/escalations/{other}/clocks") { As = key, Expected = [404] },
            new("customer", "its own customer's clocks", HttpMethod.Get, $"/api/v1/escalations/{a.CustomerEscalation}/clocks") { As = key, Expected = [200] },
            new("customer", "its deliveries", HttpMethod.Get, $"/api/v1/notifications?escalationId={other}") { As = key, Expected = [403] },
        ];
        using var runner = new HostileRunner(platform, text => text.Contains(other, StringComparison.Ordinal) ? [other] : []);

        var failures = (await runner.RunAsync(requests)).Where(outcome => outcome.Breach is not null).Select(outcome => outcome.ToString()).ToList();
        var listed = await ListAsync(key);
        var grpcList = await GrpcProbe.RunAsync(platform,
            [
                new("List", key, async (client, options) => (await client.ListAsync(new ListRequest { Limit = 100 }, options)).ToString()),
                new("Get another customer's escalation", key, async (client, options) => (await client.GetAsync(new GetRequest { Id = other }, options)).ToString(),
                    StatusCode.NotFound) { Names = other },
            ],
            text => text.Contains(other, StringComparison.Ordinal) ? [other] : []);

        Assert.True(failures.Count == 0 && grpcList.Count == 0, string.Join("\n", failures.Concat(grpcList)));
        Assert.Contains(a.CustomerEscalation.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(other, listed, StringComparison.Ordinal);
        Assert.Empty((await a.SnapshotAsync(platform)).ChangesSince(before));
    }

    /// <summary>One tenant's credentials on the other's resources: each operation with the other tenant's ids in its
    /// path (a valid body, so that only the tenant decides the answer): 403 or 404; each list and configuration read:
    /// nothing of the other's; each tenant-wide write with identity headers naming the other tenant (and an invalid
    /// body, so that nothing of the caller's own changes either): refused.</summary>
    private static IEnumerable<HostileRequest> Requests(IReadOnlyList<ApiOperation> operations, ValidBodies bodies, SeededTenant to, IReadOnlyList<Caller> callers)
    {
        var ids = PathIds.Of(to);
        foreach (var operation in operations)
        {
            foreach (var caller in callers)
            {
                if (operation.PathParameters.Any())
                {
                    var body = bodies.For(operation);
                    yield return new("cross-tenant", "the other tenant's id", operation.Method, ids.Fill(operation))
                    {
                        As = caller, Body = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString()),
                        // A team's id is a name within its tenant: the other tenant's "technical-support" names the caller's
                        // own team of that name, which a PUT or DELETE without If-Match leaves as it is (428). The other
                        // tenant's teams are in its snapshot, which must not change.
                        // So are a customer's, a schedule's and an escalation policy's ids, and a configuration document's version
                        // numbers (every tenant has a version 1 of its own; a roll back without If-Match is 428), and a person's
                        // id under which their notification preferences are kept (the caller's own tenant's person of that id),
                        // and a known error's id (every seeded tenant has one of the same id).
                        Expected = operation.PathParameters.Any(parameter => parameter.Name is "teamId" or "customerId" or "scheduleId" or "policyId" or "version" or "personId" or "articleId")
                            ? [200, 403, 404, 428] : [403, 404],
                    };
                }
                else if (operation.Method == HttpMethod.Get)
                {
                    var query = operation.QueryParameters.Any(parameter => parameter.Name == "escalationId") ? $"?escalationId={to.Escalation}"
                        : operation.QueryParameters.Any(parameter => parameter.Name == "customer") ? $"?customer={SeededTenant.Customer}&limit=100"
                        : "";
                    yield return new("cross-tenant", "a list or configuration", operation.Method, operation.Template + query) { As = caller };
                }
                else
                {
                    yield return new("cross-tenant", "a tenant-wide write naming the other tenant", operation.Method, operation.Template)
                    {
                        As = caller, Body = Encoding.UTF8.GetBytes("""{"bogus":true}"""), Expected = [400, 403],
                        Headers = request => request.Headers.TryAddWithoutValidation(Tenant.Header, to.Tenant),
                    };
                }
            }
        }
    }

    private static IReadOnlyList<Caller> Credentials(TenantCallers callers) => [callers.Admin, callers.Agent, callers.WriteKey, callers.CustomerKey];

    /// <summary>Gateway routes (but the documents, gRPC, the operator's and the integrations') no request of the matrix took.</summary>
    private static IEnumerable<string> Uncovered(IReadOnlyList<HostileRequest> requests)
    {
        var taken = requests.Select(request => RoutePolicies.For(request.Method, request.Path.Split('?')[0])?.Route).ToHashSet();
        return GatewayRoutes.Routes().Select(route => route.RouteId)
            .Where(route => !route.EndsWith("-openapi", StringComparison.Ordinal) && !route.EndsWith("-operations", StringComparison.Ordinal)
                && !route.StartsWith("grpc", StringComparison.Ordinal) && route is not ("pagerduty" or "pagerduty-changes" or "alertmanager"))
            .Where(route => !taken.Contains(route));
    }

    private static IEnumerable<GrpcProbe> GrpcProbesOn(SeededTenant to, Caller caller)
    {
        var id = to.Escalation.ToString();
        yield return new("Get the other tenant's escalation", caller, async (client, options) => (await client.GetAsync(new GetRequest { Id = id }, options)).ToString(),
            StatusCode.NotFound, StatusCode.PermissionDenied) { Names = id };
        yield return new("WatchUpdates of the other tenant's escalation", caller, async (client, options) =>
        {
            using var call = client.WatchUpdates(new WatchRequest { Id = id }, options);
            return await call.ResponseStream.MoveNext(options.CancellationToken) ? call.ResponseStream.Current.ToString() : "";
        }, StatusCode.NotFound, StatusCode.PermissionDenied) { Names = id };
        yield return new("List", caller, async (client, options) => (await client.ListAsync(new ListRequest { Limit = 100 }, options)).ToString(), StatusCode.OK);
        yield return new("List the other tenant's customer", caller, async (client, options) =>
            (await client.ListAsync(new ListRequest { Customer = SeededTenant.Customer, Limit = 100 }, options)).ToString(), StatusCode.OK);
    }

    private async Task<string> ListAsync(Caller caller)
    {
        using var gateway = platform.CreateClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/escalations?limit=100");
        caller.Authenticate(request);
        using var response = await gateway.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("items").ToString() : throw new HttpRequestException(body);
    }
}
