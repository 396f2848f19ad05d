using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Contracts.Routing.V1;
using EscalationPlatform.Web.Tenancy;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests;

/// <summary>On-call in a tenant set up through the API: a schedule whose rotation started today puts a member of
/// another team on call (follow-the-sun); the desk team pages them first for an S1; the REST API, its timeline and
/// gRPC OnCallNow agree; bad schedules are named field by field.</summary>
public sealed class OnCallTests(PlatformFixture platform)
{
    private static object Team(string name, string lead, string[] members, string[] defaultFor, string? onCallScheduleId = null) => new
    {
        name, timeZone = "UTC", leadMemberId = lead, defaultFor, onCallScheduleId,
        members = members.Select(member => new { id = member, name = member, email = $"{member}@oncall.example", timeZone = "UTC" }),
    };

    private static readonly string Today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'00:00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_S1_for_a_team_with_a_schedule_is_offered_first_to_whoever_is_on_call_and_every_reader_agrees_who_that_is()
    {
        await platform.ProvisionAsync(Tenants.OnCall);
        using var api = platform.Escalations(Tenants.OnCall);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/night", Team("Night", "nina", ["nina", "ola", "oli"], []))).IsSuccessStatusCode);
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/desk", Team("Desk", "lena", ["lena", "ana", "ben"], ["other"]))).IsSuccessStatusCode);

        using (var empty = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/schedules/desk-on-call", new
        {
            name = "Desk on-call", timeZone = "Mars/Olympus", layers = new[] { new { name = "daily", start = Today, rotation = "1.00:00:00", participants = Array.Empty<string>() } },
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.Equal(["layers[0].participants", "timeZone"], errors.EnumerateObject().Select(field => field.Name).Order());
        }

        using (var created = await api.SendAsync(HttpMethod.Put, "/api/v1/routing/schedules/desk-on-call", new
        {
            name = "Desk on-call", timeZone = "UTC", layers = new[] { new { name = "daily", start = Today, rotation = "1.00:00:00", participants = new[] { "ola" } } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var desk = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/teams/desk");
        Assert.True((await api.SendAsync(HttpMethod.Put, "/api/v1/routing/teams/desk", Team("Desk", "lena", ["lena", "ana", "ben"], ["other"], "desk-on-call"),
            ifMatch: desk.Headers.ETag!.Tag)).IsSuccessStatusCode);

        var onCall = await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/schedules/desk-on-call/on-call");
        Assert.Equal(("ola", "daily"), (onCall.GetProperty("member").Text("id"), onCall.Text("source")));
        var timeline = await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/schedules/desk-on-call/timeline");
        Assert.All(timeline.EnumerateArray(), shift => Assert.Equal("ola", shift.GetProperty("member").Text("id")));

        var id = await api.SubmitAsync(new
        {
            title = "Nothing loads for anyone", issueType = "other",
            customer = new { id = "oncall-customer", name = "On-call Customer", tier = "standard", timeZone = "UTC" },
            impact = new { scope = "organisation", affectedCount = 5000 }, urgency = new { outage = true, workaroundAvailable = false },
        });
        var offered = await api.WaitForAsync(id, record => record.Status() == "assigned", "offered");
        Assert.Equal("S1", offered.Text("severity"));
        Assert.Equal("ola", offered.PersonId("owner")); // from the night team, paged for the desk
        Assert.Contains("on call in Desk on-call (S1)", offered.GetProperty("timeline").ToString(), StringComparison.Ordinal);

        using var channel = GrpcChannel.ForAddress(platform.Endpoint("routing-api", "grpc"));
        var request = new OnCallNowRequest { ScheduleId = "desk-on-call" };
        var options = new PlatformCallOptions(platform.Trust, TimeProvider.System).For(new PlatformIdentity(Tenants.OnCall, Actor.Service("e2e")), "routing",
            PlatformCallOptions.MethodPath(Routing.Descriptor, "OnCallNow"), request, TestContext.Current.CancellationToken, TimeSpan.FromSeconds(10));
        var answer = await new Routing.RoutingClient(channel).OnCallNowAsync(request, options);
        Assert.Equal(("ola", "daily"), (answer.Member.Id, answer.Source));

        var otherTenant = new PlatformCallOptions(platform.Trust, TimeProvider.System).For(new PlatformIdentity(Tenants.Grpc, Actor.Service("e2e")), "routing",
            PlatformCallOptions.MethodPath(Routing.Descriptor, "OnCallNow"), request, TestContext.Current.CancellationToken, TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await new Routing.RoutingClient(channel).OnCallNowAsync(request, otherTenant));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);

        using var used = await api.SendAsync(HttpMethod.Get, "/api/v1/routing/schedules/desk-on-call");
        using var inUse = await api.SendAsync(HttpMethod.Delete, "/api/v1/routing/schedules/desk-on-call", ifMatch: used.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode); // the desk pages it
    }
}
