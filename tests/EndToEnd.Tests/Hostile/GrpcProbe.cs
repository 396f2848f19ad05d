using EscalationPlatform.Contracts.Escalation.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests.Hostile;

/// <summary>One hostile call of the public gRPC API (escalation.v1) through the gateway, as a caller, and the status
/// codes acceptable for it (none named: any but a server failure). The call returns the answer as text.</summary>
public sealed record GrpcProbe(string Case, Caller As, Func<Escalations.EscalationsClient, CallOptions, Task<string>> Call, params StatusCode[] Expected)
{
    private static readonly StatusCode[] ServerFailures = [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.Unavailable, StatusCode.Unimplemented];

    /// <summary>What of another tenant's the call itself names (an id it asks for): the answer may say it back.</summary>
    public string? Names { get; init; }

    public override string ToString() => $"gRPC {Case} [as {As}]";

    /// <summary>Runs the probes a few at a time, in order; each line of the answer is a broken rule.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(PlatformFixture platform, IReadOnlyList<GrpcProbe> probes, Func<string, IEnumerable<string>> secretsIn)
    {
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"), new GrpcChannelOptions { MaxSendMessageSize = 8 * 1024 * 1024 });
        var client = new Escalations.EscalationsClient(channel);
        var failures = new List<string>();
        foreach (var batch in probes.Chunk(HostileRunner.Parallel))
        {
            failures.AddRange((await Task.WhenAll(batch.Select(probe => probe.JudgeAsync(client, secretsIn)))).OfType<string>());
        }

        return failures;
    }

    private async Task<string?> JudgeAsync(Escalations.EscalationsClient client, Func<string, IEnumerable<string>> secretsIn)
    {
        var options = new CallOptions(As.Metadata(), DateTime.UtcNow.AddSeconds(15), TestContext.Current.CancellationToken);
        StatusCode status;
        string answer;
        try
        {
            answer = await Call(client, options);
            status = StatusCode.OK;
        }
        catch (RpcException error)
        {
            (status, answer) = (error.StatusCode, error.Status.Detail);
        }

        var breach = (Expected.Length > 0 ? !Expected.Contains(status) : ServerFailures.Contains(status))
            ? $"expected {(Expected.Length > 0 ? string.Join(" or ", Expected) : "no server failure")}"
            : AnswerRules.Leak(answer) is { } leak ? $"shows {leak}"
            : secretsIn(answer).FirstOrDefault(secret => secret != Names) is { } secret ? $"shows another tenant's {secret}"
            : null;
        return breach is null ? null : $"{this}: {status} {(answer.Length <= 200 ? answer : answer[..200])} — {breach}";
    }
}
