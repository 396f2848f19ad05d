using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using static EndToEnd.Tests.Problems;

namespace EndToEnd.Tests;

/// <summary>GET /api/v1/escalations/changes through the gateway: a tenant's followers hear of its changes and never of
/// another tenant's; one escalation can be followed only by whoever may see it; a customer-bound key follows one
/// escalation of its own customer; a credential holds a bounded number of streams.</summary>
public sealed class ChangeStreamTests(PlatformFixture platform) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A plain client: no retries, no timeout (a stream lasts until it is closed).</summary>
    private readonly HttpClient _gateway = new() { BaseAddress = platform.Endpoint("gateway", "http"), Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task A_tenants_stream_announces_its_own_escalations_and_never_another_tenants()
    {
        using var a = platform.Escalations(Tenants.IsolationA);
        using var b = platform.Escalations(Tenants.IsolationB);
        await using var stream = await FollowAsync(await platform.TokenAsync(Tenants.IsolationA, "e2e-follower", "agent"));

        var other = await b.SubmitAsync(Cases.SecurityIncident());
        await b.WaitForAsync(other, record => record.Status() == "assigned", "the other tenant's case routed");
        var own = await a.SubmitAsync(Cases.SecurityIncident());

        // Notifications arrive in commit order: had the other tenant's changes leaked, they would come before this one.
        var seen = await stream.ReadUntilAsync(own);
        Assert.DoesNotContain(other, seen);
    }

    [Fact]
    public async Task One_escalation_is_followed_by_whoever_may_see_it_and_is_404_to_another_tenant()
    {
        using var b = platform.Escalations(Tenants.IsolationB);
        var theirs = await b.SubmitAsync(Cases.TeamProblem());
        var outsider = await platform.TokenAsync(Tenants.IsolationA, "e2e-outsider", "admin");

        using var refused = await SendAsync(outsider, theirs);
        await AssertProblemAsync(refused, HttpStatusCode.NotFound);

        await using var stream = await FollowAsync(await platform.TokenAsync(Tenants.IsolationB, "e2e-case-follower", "agent"), theirs);
        await b.DoAsync(theirs, "cancel", new { reason = "raised twice" });
        Assert.Contains(theirs, await stream.ReadUntilAsync(theirs));
    }

    [Fact]
    public async Task A_customer_bound_key_follows_one_escalation_of_its_customer_only()
    {
        using var b = platform.Escalations(Tenants.IsolationB);
        var acme = await b.SubmitAsync(Cases.SecurityIncident("acme"));
        var initech = await b.SubmitAsync(Cases.TeamProblem("initech"));
        var key = (await Credentials.ApiKeyAsync(platform, Tenants.IsolationB, ["escalations:read"], customerId: "acme")).Key;

        using var wholeTenant = await SendAsync(key, null, asKey: true);
        await AssertProblemAsync(wholeTenant, HttpStatusCode.Forbidden);
        using var otherCustomer = await SendAsync(key, initech, asKey: true);
        await AssertProblemAsync(otherCustomer, HttpStatusCode.NotFound);
        using var own = await SendAsync(key, acme, asKey: true);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/event-stream", own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_credential_holds_a_bounded_number_of_streams_and_the_next_is_answered_429_with_retry_after()
    {
        var token = await platform.TokenAsync(Tenants.Streams, $"e2e-streams-{Guid.NewGuid():N}", "agent");
        var open = new List<ChangeStream>();
        try
        {
            for (var i = 0; i < PlatformFixture.StreamsPerCredential; i++)
            {
                open.Add(await FollowAsync(token));
            }

            using var refused = await SendAsync(token, null);

            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            foreach (var stream in open)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string credential, Guid? escalationId, bool asKey = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/escalations/changes" + (escalationId is { } id ? $"?escalationId={id}" : ""));
        if (asKey)
        {
            request.Headers.Add("X-Api-Key", credential);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await _gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    /// <summary>An open stream, past its "ready" event.</summary>
    private async Task<ChangeStream> FollowAsync(string token, Guid? escalationId = null)
    {
        var response = await SendAsync(token, escalationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new ChangeStream(response, SseParser.Create(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))
            .EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken));
        Assert.Equal("ready", await stream.NextEventTypeAsync());
        return stream;
    }

    private sealed class ChangeStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events) : IAsyncDisposable
    {
        public async Task<string?> NextEventTypeAsync() => await events.MoveNextAsync() ? events.Current.EventType : null;

        /// <summary>The ids announced until <paramref name="expected"/> is (which fails the test if it never is).</summary>
        public async Task<List<Guid>> ReadUntilAsync(Guid expected)
        {
            var seen = new List<Guid>();
            using var patience = new CancellationTokenSource(Patience);
            while (await events.MoveNextAsync().AsTask().WaitAsync(patience.Token))
            {
                if (events.Current.EventType == "changed")
                {
                    var id = JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("id").GetGuid();
                    seen.Add(id);
                    if (id == expected)
                    {
                        return seen;
                    }
                }
            }

            throw new InvalidOperationException($"The stream ended before {expected} was announced.");
        }

        public async ValueTask DisposeAsync()
        {
            await events.DisposeAsync();
            response.Dispose();
        }
    }
}
