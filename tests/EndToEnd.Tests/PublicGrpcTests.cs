using System.Text.Json;
using EscalationPlatform.Contracts.Escalation.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests;

/// <summary>escalation.v1 through the gateway's gRPC port, with the same credentials and rules as REST.</summary>
public sealed class PublicGrpcTests(PlatformFixture platform)
{
    private async Task<CallOptions> AsAsync(string? token = null, string? apiKey = null)
    {
        var metadata = new Metadata();
        if (apiKey is not null)
        {
            metadata.Add("x-api-key", apiKey);
        }
        else
        {
            metadata.Add("authorization", $"Bearer {token ?? await platform.TokenAsync(Tenants.PublicGrpc, "grpc-agent", "agent")}");
        }

        return new CallOptions(metadata, DateTime.UtcNow.AddSeconds(20), TestContext.Current.CancellationToken);
    }

    private Escalations.EscalationsClient Client(out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"));
        return new Escalations.EscalationsClient(channel);
    }

    [Fact]
    public async Task Submit_get_list_and_watch_an_escalation_through_the_gateway()
    {
        var client = Client(out var channel);
        using var _ = channel;
        var options = await AsAsync();

        var submitted = await client.SubmitAsync(new SubmitRequest { EscalationJson = JsonSerializer.Serialize(Cases.TeamProblem("soylent")), IdempotencyKey = "grpc-1" }, options);
        var again = await client.SubmitAsync(new SubmitRequest { EscalationJson = JsonSerializer.Serialize(Cases.TeamProblem("soylent")), IdempotencyKey = "grpc-1" }, options);

        Assert.Equal(submitted.Id, again.Id);
        Assert.Matches("^ESC-[0-9]{6}$", submitted.Key);
        using var watch = client.WatchUpdates(new WatchRequest { Id = submitted.Id }, await AsAsync());
        var seen = new List<string>();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            timeout.CancelAfter(EscalationsClient.PipelineTimeout);
            while (!seen.Contains("offered") && await watch.ResponseStream.MoveNext(timeout.Token))
            {
                seen.Add(watch.ResponseStream.Current.What);
            }
        }

        Assert.Equal(["submitted", "triaged", "offered"], seen.Where(what => what != "clocks-started"));
        var escalation = await client.GetAsync(new GetRequest { Id = submitted.Id }, options);
        Assert.Equal("assigned", escalation.Summary.Status);
        Assert.Equal("S3", escalation.Summary.Severity);
        Assert.Equal("technical-support", escalation.Summary.TeamId);
        Assert.NotEmpty(escalation.Summary.Owner.Id);
        Assert.Equal(submitted.Id, JsonDocument.Parse(escalation.RecordJson).RootElement.GetProperty("id").GetString());
        var list = await client.ListAsync(new ListRequest { Customer = "soylent", Status = "assigned" }, options);
        Assert.Contains(list.Items, item => item.Id == submitted.Id);
    }

    [Fact]
    public async Task Without_a_credential_every_method_is_unauthenticated()
    {
        var client = Client(out var channel);
        using var _ = channel;
        var none = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

        var errors = new[]
        {
            await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitAsync(new SubmitRequest { EscalationJson = "{}" }, none)),
            await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new GetRequest { Id = Guid.CreateVersion7().ToString() }, none)),
            await Assert.ThrowsAsync<RpcException>(async () => await client.ListAsync(new ListRequest(), none)),
            await Assert.ThrowsAsync<RpcException>(async () =>
            {
                using var call = client.WatchUpdates(new WatchRequest { Id = Guid.CreateVersion7().ToString() }, none);
                await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken);
            }),
        };

        Assert.All(errors, error => Assert.Equal(StatusCode.Unauthenticated, error.StatusCode));
    }

    [Fact]
    public async Task A_read_only_key_may_list_but_not_submit()
    {
        var reader = await Credentials.ApiKeyAsync(platform, Tenants.PublicGrpc, ["escalations:read"]);
        var client = Client(out var channel);
        using var _ = channel;
        var options = await AsAsync(apiKey: reader.Key);

        await client.ListAsync(new ListRequest(), options);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SubmitAsync(new SubmitRequest { EscalationJson = JsonSerializer.Serialize(Cases.TeamProblem()) }, options));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_invalid_submission_is_InvalidArgument_naming_the_fields()
    {
        var client = Client(out var channel);
        using var _ = channel;

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.SubmitAsync(new SubmitRequest { EscalationJson = """{"issueType":"technical"}""" }, await AsAsync()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("title", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("customer", error.Status.Detail, StringComparison.Ordinal);
    }
}
