using System.Text.Json;
using EscalationPlatform.Contracts.Escalation.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests;

/// <summary>Long-lived gRPC streams are bounded: a credential holds a few at once, and its streams end when its key is
/// revoked (the fixture checks open streams' credentials every second).</summary>
public sealed class StreamLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_credential_gets_a_few_streams_at_once_and_they_end_when_its_key_is_revoked()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var key = await Credentials.ApiKeyAsync(platform, Tenants.Streams, ["escalations:read", "escalations:write"]);
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"));
        var client = new Escalations.EscalationsClient(channel);
        var options = new CallOptions(new Metadata { { "x-api-key", key.Key } }, cancellationToken: cancellationToken);
        var submitted = await client.SubmitAsync(new SubmitRequest { EscalationJson = JsonSerializer.Serialize(Cases.TeamProblem()) }, options);

        var streams = new List<AsyncServerStreamingCall<TimelineEntry>>();
        for (var index = 0; index < PlatformFixture.StreamsPerCredential; index++)
        {
            var stream = client.WatchUpdates(new WatchRequest { Id = submitted.Id }, options);
            Assert.True(await stream.ResponseStream.MoveNext(cancellationToken)); // open: the first timeline entry arrived
            streams.Add(stream);
        }

        using var oneTooMany = client.WatchUpdates(new WatchRequest { Id = submitted.Id }, options);
        var refused = await Assert.ThrowsAsync<RpcException>(() => oneTooMany.ResponseStream.MoveNext(cancellationToken));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);

        using var admin = await platform.GatewayAsAsync(Tenants.Streams);
        using (var revoked = await admin.DeleteAsync($"/api/v1/admin/api-keys/{key.Id}", cancellationToken))
        {
            revoked.EnsureSuccessStatusCode();
        }

        foreach (var stream in streams)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30)); // the key cache (10 s) and the recheck (1 s here) bound it
            await ReadToTheEndAsync(stream, timeout.Token);
            stream.Dispose();
        }
    }

    /// <summary>Returns when the stream ends (closed or cut); throws if it is still open when the token is cancelled.</summary>
    private static async Task ReadToTheEndAsync(AsyncServerStreamingCall<TimelineEntry> stream, CancellationToken cancellationToken)
    {
        try
        {
            while (await stream.ResponseStream.MoveNext(cancellationToken))
            {
            }
        }
        catch (RpcException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
