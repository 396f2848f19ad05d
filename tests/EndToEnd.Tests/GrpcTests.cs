using System.Text.Json;
using EscalationPlatform.Contracts.Intake.V1;
using EscalationPlatform.Contracts.Routing.V1;
using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Contracts.Triage.V1;
using Grpc.Core;
using Grpc.Net.Client;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;

namespace EndToEnd.Tests;

/// <summary>The internal gRPC services (Assess, WhoOwns, GetStatus, ListFacts) answer for the same record the REST API shows, to the
/// tenant of the signed identity only.</summary>
public sealed class GrpcTests(PlatformFixture platform)
{
    /// <summary>Assess takes the facts whole: a known customer id does not fill them in there.</summary>
    private static readonly object Facts = new
    {
        issueType = "security",
        customer = new { id = "acme", name = "Acme Corporation", tier = "strategic", timeZone = "Europe/Berlin" },
        urgency = new { dataExposure = true },
    };

    /// <summary>Signed like another platform service's call, for exactly this call.</summary>
    private CallOptions For<TRequest>(string tenant, string service, Google.Protobuf.Reflection.ServiceDescriptor descriptor, string method, TRequest request)
        where TRequest : Google.Protobuf.IMessage =>
        new PlatformCallOptions(platform.Trust, TimeProvider.System).For(new PlatformIdentity(tenant, Actor.Service("e2e")), service,
            PlatformCallOptions.MethodPath(descriptor, method), request, TestContext.Current.CancellationToken, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_call_without_the_platforms_signature_is_refused()
    {
        using var routingChannel = GrpcChannel.ForAddress(platform.Endpoint("routing-api", "grpc"));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new Routing.RoutingClient(routingChannel).WhoOwnsAsync(
            new WhoOwnsRequest { EscalationId = Guid.CreateVersion7().ToString() },
            new CallOptions(new Metadata { { "x-tenant-id", Tenants.Grpc } }, DateTime.UtcNow.AddSeconds(10), TestContext.Current.CancellationToken)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Assess_WhoOwns_and_GetStatus_agree_with_the_record()
    {
        using var api = platform.Escalations(Tenants.Grpc);
        var id = await api.SubmitAsync(Cases.SecurityIncident("acme"));
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3, "assigned");

        using var triageChannel = GrpcChannel.ForAddress(platform.Endpoint("triage-api", "grpc"));
        using var routingChannel = GrpcChannel.ForAddress(platform.Endpoint("routing-api", "grpc"));
        using var slaChannel = GrpcChannel.ForAddress(platform.Endpoint("sla-api", "grpc"));

        var assess = new AssessRequest { Mode = AssessMode.Preview, FactsJson = JsonSerializer.Serialize(Facts) };
        var assessment = await new Triage.TriageClient(triageChannel).AssessAsync(assess, For(Tenants.Grpc, "triage", Triage.Descriptor, "Assess", assess));
        var whoOwns = new WhoOwnsRequest { EscalationId = id.ToString() };
        var ownership = await new Routing.RoutingClient(routingChannel).WhoOwnsAsync(whoOwns, For(Tenants.Grpc, "routing", Routing.Descriptor, "WhoOwns", whoOwns));
        var getStatus = new GetStatusRequest { EscalationIds = { id.ToString() } };
        var status = await new Sla.SlaClient(slaChannel).GetStatusAsync(getStatus, For(Tenants.Grpc, "sla", Sla.Descriptor, "GetStatus", getStatus));

        Assert.Equal("S1", assessment.Severity);
        Assert.Contains(assessment.Rules, rule => rule.Id == "s1-security-or-data-exposure");
        Assert.Equal(record.PersonId("owner"), ownership.Owner.Id);
        Assert.Equal(record.PersonId("backup"), ownership.Backup.Id);
        Assert.False(ownership.Accepted);
        Assert.NotEmpty(ownership.TeamTimeZone); // for an SLA calendar in the team's zone
        var clocks = Assert.Single(status.Escalations);
        Assert.Equal(["customer-update", "first-response", "resolution"], clocks.Clocks.Select(clock => clock.Kind).Order());
        Assert.Equal(record.Clock("first-response").GetProperty("dueAt").GetDateTimeOffset(), clocks.Clocks.Single(clock => clock.Kind == "first-response").DueAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Another_tenants_escalation_is_not_found_over_grpc_either()
    {
        using var api = platform.Escalations(Tenants.Grpc);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        using var routingChannel = GrpcChannel.ForAddress(platform.Endpoint("routing-api", "grpc"));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Routing.RoutingClient(routingChannel).WhoOwnsAsync(new WhoOwnsRequest { EscalationId = id.ToString() },
                For(Tenants.Queue, "routing", Routing.Descriptor, "WhoOwns", new WhoOwnsRequest { EscalationId = id.ToString() })));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ListFacts_gives_the_signed_tenants_open_cases_only_and_refuses_an_unsigned_call_or_a_bad_page()
    {
        using var api = platform.Escalations(Tenants.Grpc);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("intake-api", "grpc"));
        var intake = new Intake.IntakeClient(channel);
        var open = new ListFactsRequest { Open = true, Limit = 500 };

        var listed = new List<CaseFactsItem>();
        var request = open;
        do
        {
            var page = await intake.ListFactsAsync(request, For(Tenants.Grpc, "intake", Intake.Descriptor, "ListFacts", request));
            listed.AddRange(page.Items);
            request = new ListFactsRequest { Open = true, Limit = 500, Cursor = page.NextCursor };
        }
        while (request.Cursor.Length > 0);
        var others = await intake.ListFactsAsync(open, For(Tenants.Queue, "intake", Intake.Descriptor, "ListFacts", open));

        var mine = Assert.Single(listed, item => item.EscalationId == id.ToString());
        Assert.True(mine.Open);
        Assert.Equal("technical", JsonDocument.Parse(mine.FactsJson).RootElement.GetProperty("issueType").GetString());
        Assert.DoesNotContain(others.Items, item => item.EscalationId == id.ToString());
        var unsigned = await Assert.ThrowsAsync<RpcException>(async () => await intake.ListFactsAsync(open,
            new CallOptions(new Metadata { { "x-tenant-id", Tenants.Grpc } }, DateTime.UtcNow.AddSeconds(10), TestContext.Current.CancellationToken)));
        Assert.Equal(StatusCode.Unauthenticated, unsigned.StatusCode);
        foreach (var bad in new[] { new ListFactsRequest { Open = true, Limit = 501 }, new ListFactsRequest { Open = true, Cursor = "not-a-cursor" }, new ListFactsRequest() })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(async () => await intake.ListFactsAsync(bad, For(Tenants.Grpc, "intake", Intake.Descriptor, "ListFacts", bad)));
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        }
    }
}
