using System.Text;
using EscalationPlatform.Contracts.Escalation.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;

namespace EndToEnd.Tests.Hostile;

/// <summary>Hostile calls of escalation.v1: malformed and mutated submissions, submissions over the size limit,
/// another tenant's (or customer's) ids on Get and WatchUpdates, hostile List filters, no or forged credentials,
/// credentials without the right role or scope, forged identity metadata.</summary>
public static class GrpcProbes
{
    private static readonly string[] Malformed =
    [
        "", "{", "[]", "null", "\"text\"", "12", """{"title":123}""", """{"bogus":true}""", """{"issueType":"quantum-flux"}""",
        string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300),
    ];

    public static IEnumerable<GrpcProbe> For(
        TenantCallers hostile, SeededTenant own, SeededTenant victim, Caller @operator, IEnumerable<Caller> forged, IEnumerable<BodyMutation> submissions)
    {
        static Func<Escalations.EscalationsClient, CallOptions, Task<string>> Submit(string json) =>
            async (client, options) => (await client.SubmitAsync(new SubmitRequest { EscalationJson = json }, options)).ToString();
        static Func<Escalations.EscalationsClient, CallOptions, Task<string>> Get(string id) =>
            async (client, options) => (await client.GetAsync(new GetRequest { Id = id }, options)).ToString();
        static Func<Escalations.EscalationsClient, CallOptions, Task<string>> List(ListRequest request) =>
            async (client, options) => (await client.ListAsync(request, options)).ToString();
        static Func<Escalations.EscalationsClient, CallOptions, Task<string>> Watch(string id) => async (client, options) =>
        {
            using var call = client.WatchUpdates(new WatchRequest { Id = id }, options);
            return await call.ResponseStream.MoveNext(options.CancellationToken) ? call.ResponseStream.Current.ToString() : "";
        };

        foreach (var json in Malformed)
        {
            yield return new($"Submit malformed {(json.Length > 30 ? "deep nesting" : json)}", hostile.WriteKey, Submit(json), StatusCode.InvalidArgument);
        }

        foreach (var mutation in submissions.Where(mutation => mutation.Expected is null))
        {
            yield return new($"Submit {mutation.Case}", hostile.WriteKey, Submit(Encoding.UTF8.GetString(mutation.Body)));
        }

        foreach (var size in new[] { 1_100_000, 3_000_000 })
        {
            yield return new($"Submit of {size} bytes", hostile.WriteKey, Submit($$"""{"title":"{{new string('x', size)}}"}"""), StatusCode.ResourceExhausted);
        }

        Caller[] tenantCallers = [hostile.Admin, hostile.Agent, hostile.WriteKey, hostile.ReadKey, hostile.CustomerKey];
        foreach (var caller in tenantCallers)
        {
            yield return new("Get another tenant's escalation", caller, Get(victim.Escalation.ToString()), StatusCode.NotFound) { Names = victim.Escalation.ToString() };
            yield return new("WatchUpdates of another tenant's escalation", caller, Watch(victim.Escalation.ToString()), StatusCode.NotFound)
            {
                Names = victim.Escalation.ToString(),
            };
            yield return new("List with another tenant's filters", caller, List(new ListRequest { Customer = SeededTenant.Customer, Limit = 100 }));
        }

        yield return new("Get another customer's escalation", hostile.CustomerKey, Get(own.Escalation.ToString()), StatusCode.NotFound);
        yield return new("WatchUpdates of another customer's escalation", hostile.CustomerKey, Watch(own.Escalation.ToString()), StatusCode.NotFound);
        foreach (var id in new[] { "not-a-guid", "", BodyMutations.Hostile, new string('9', 5000), Guid.Empty.ToString() })
        {
            yield return new($"Get {(id.Length > 40 ? "(5000 characters)" : id)}", hostile.Agent, Get(id), StatusCode.InvalidArgument, StatusCode.NotFound);
            yield return new($"WatchUpdates {(id.Length > 40 ? "(5000 characters)" : id)}", hostile.Agent, Watch(id), StatusCode.InvalidArgument, StatusCode.NotFound);
        }

        ListRequest[] filters =
        [
            new() { Status = "melting" }, new() { Severity = "S9" }, new() { Limit = -1 }, new() { Limit = int.MaxValue }, new() { Cursor = "!!!" },
            new() { Breached = "maybe" }, new() { Customer = BodyMutations.Hostile }, new() { Team = new string('t', 5000) }, new() { IssueType = "quantum-flux" },
        ];
        foreach (var filter in filters)
        {
            yield return new($"List {filter}", hostile.Agent, List(filter), StatusCode.OK, StatusCode.InvalidArgument);
        }

        foreach (var caller in forged.Prepend(Caller.Anonymous))
        {
            yield return new("List", caller, List(new ListRequest()), StatusCode.Unauthenticated);
            yield return new("Get", caller, Get(own.Escalation.ToString()), StatusCode.Unauthenticated);
        }

        yield return new("Submit", Caller.Anonymous, Submit("{}"), StatusCode.Unauthenticated);
        yield return new("WatchUpdates", Caller.Anonymous, Watch(own.Escalation.ToString()), StatusCode.Unauthenticated);

        var valid = System.Text.Json.JsonSerializer.Serialize(Cases.TeamProblem());
        foreach (var caller in new[] { hostile.ReadKey, hostile.ConfigKey, hostile.WebhooksKey, hostile.AlertmanagerKey, @operator })
        {
            yield return new("Submit without the right", caller, Submit(valid), StatusCode.PermissionDenied);
        }

        foreach (var caller in new[] { hostile.ConfigKey, hostile.WebhooksKey, hostile.AlertmanagerKey, @operator })
        {
            yield return new("List without the right", caller, List(new ListRequest()), StatusCode.PermissionDenied);
            yield return new("Get without the right", caller, Get(own.Escalation.ToString()), StatusCode.PermissionDenied);
            yield return new("WatchUpdates without the right", caller, Watch(own.Escalation.ToString()), StatusCode.PermissionDenied);
        }

        var forging = hostile.Agent with { Name = "agent token with forged identity metadata" };
        yield return new("Get another tenant's escalation", forging, ForgedGet(victim), StatusCode.NotFound) { Names = victim.Escalation.ToString() };
    }

    /// <summary>Get with the caller's credential plus metadata claiming the other tenant's admin.</summary>
    private static Func<Escalations.EscalationsClient, CallOptions, Task<string>> ForgedGet(SeededTenant victim) => async (client, options) =>
    {
        var headers = new Metadata();
        foreach (var entry in options.Headers!)
        {
            headers.Add(entry);
        }

        headers.Add(Tenant.Header, victim.Tenant);
        headers.Add(GatewayTrust.ActorRolesHeader, "admin");
        headers.Add(GatewayTrust.SignatureHeader, "v2,0,abc,forged");
        return (await client.GetAsync(new GetRequest { Id = victim.Escalation.ToString() }, options.WithHeaders(headers))).ToString();
    };
}
