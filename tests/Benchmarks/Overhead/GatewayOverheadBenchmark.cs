using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Benchmarks.Platform;
using EscalationPlatform.Harness;
using EscalationPlatform.Contracts;
using EscalationPlatform.Harness.Load;
using EscalationPlatform.Web.Tenancy;

namespace Benchmarks.Overhead;

/// <summary>./bench.sh overhead [--clients N] [--window S] [--rounds N] [--reads-only]: the same request mix from N closed-loop
/// clients against intake directly (with the identity headers the gateway would sign) and through the gateway (an
/// API key: authentication, rate limit, signing, proxying), in alternating windows of one run, so that the machine's
/// noise falls on both alike. Reports the throughput ratio and the latency the gateway adds.</summary>
public static class GatewayOverheadBenchmark
{
    private const string Tenant = "overhead";

    public sealed record Side(string Path, int Requests, double Seconds, int Failed, Percentiles Latency)
    {
        public double PerSecond => Requests / Seconds;
    }

    public sealed record Result(string Machine, int Clients, double WindowSeconds, int Rounds, string Mix, Side Direct, Side Gateway, double Ratio);

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Arguments.Int(args, "--clients", 16);
        var window = TimeSpan.FromSeconds(Arguments.Int(args, "--window", 5));
        var rounds = Arguments.Int(args, "--rounds", 6);

        await using var host = await BenchPlatform.StartAsync([Tenant]);
        var key = await host.PartnerKeyAsync(Tenant, "bench");
        using var gateway = Client(host.Endpoint("gateway"), new AuthenticationHeaderValue("Bearer", key));
        using var direct = Client(host.Endpoint("intake-api"), authorization: null, host);
        var mix = new RequestMix(await SeedAsync(gateway, 200), new CaseMix($"ovh-{Guid.NewGuid():N}"[..12], duplicateShare: 0), Arguments.Has(args, "--reads-only"));

        Console.Error.WriteLine("Warming up both paths...");
        await MeasureAsync(direct, mix, clients, window);
        await MeasureAsync(gateway, mix, clients, window);

        var directRuns = new List<Window>();
        var gatewayRuns = new List<Window>();
        for (var round = 1; round <= rounds; round++)
        {
            // Alternate which goes first, so that neither always follows the other's garbage and queues.
            var (first, second) = round % 2 == 1 ? (direct, gateway) : (gateway, direct);
            var a = await MeasureAsync(first, mix, clients, window);
            var b = await MeasureAsync(second, mix, clients, window);
            (round % 2 == 1 ? directRuns : gatewayRuns).Add(a);
            (round % 2 == 1 ? gatewayRuns : directRuns).Add(b);
            Console.Error.WriteLine($"round {round}: direct {directRuns[^1].PerSecond:0}/s, gateway {gatewayRuns[^1].PerSecond:0}/s");
        }

        var directSide = Combine("intake directly", directRuns);
        var gatewaySide = Combine("through the gateway", gatewayRuns);
        var result = new Result(Machine.Describe(), clients, window.TotalSeconds, rounds, mix.Describe(), directSide, gatewaySide, gatewaySide.PerSecond / directSide.PerSecond);
        await BenchmarkOutput.WriteAsync(args, "overhead", result, Markdown(result));
        return 0;
    }

    private sealed record Window(int Requests, double Seconds, int Failed, List<double> Latencies)
    {
        public double PerSecond => Requests / Seconds;
    }

    private static Side Combine(string path, List<Window> windows) => new(
        path, windows.Sum(run => run.Requests), windows.Sum(run => run.Seconds), windows.Sum(run => run.Failed),
        Percentiles.Of(windows.SelectMany(run => run.Latencies)));

    private static async Task<Window> MeasureAsync(HttpClient client, RequestMix mix, int clients, TimeSpan window)
    {
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>[clients];
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async index =>
        {
            var random = new Random(index);
            var mine = latencies[index] = [];
            while (clock.Elapsed < window)
            {
                using var request = mix.Next(random);
                var started = clock.Elapsed;
                using var response = await client.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var all = latencies.SelectMany(list => list).ToList();
        return new Window(all.Count, clock.Elapsed.TotalSeconds, failed, all);
    }

    private static async Task<IReadOnlyList<Guid>> SeedAsync(HttpClient gateway, int count)
    {
        var cases = new CaseMix($"seed-{Guid.NewGuid():N}"[..13], incompleteShare: 0, duplicateShare: 0);
        var ids = new List<Guid>();
        for (var index = 0; index < count; index++)
        {
            var next = cases.Next();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/escalations") { Content = new StringContent(next.Body, Encoding.UTF8, "application/json") };
            using var response = await gateway.SendAsync(request);
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        return ids;
    }

    private static HttpClient Client(Uri address, AuthenticationHeaderValue? authorization, PlatformHost? signer = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        HttpMessageHandler signed = signer is null
            ? handler
            : new SigningHandler(signer.Trust, "intake", new PlatformIdentity(Tenant, new Actor(ActorKind.Partner, "bench", "bench")), handler);
        var client = new HttpClient(signed) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    private static string Markdown(Result result)
    {
        var text = new StringBuilder();
        text.AppendLine($"### Gateway overhead: {result.Clients} closed-loop clients, {result.Rounds} alternating rounds of {result.WindowSeconds:0} s per path");
        text.AppendLine();
        text.AppendLine($"Machine: {result.Machine}. Mix: {result.Mix}.");
        text.AppendLine();
        text.AppendLine("| path | requests | per second | failed | latency |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var side in new[] { result.Direct, result.Gateway })
        {
            text.AppendLine($"| {side.Path} | {side.Requests:N0} | {side.PerSecond:N0} | {side.Failed:N0} | {side.Latency} |");
        }

        text.AppendLine();
        text.AppendLine($"Throughput through the gateway: **{result.Ratio:P0} of direct**. Added latency: p50 +{result.Gateway.Latency.P50 - result.Direct.Latency.P50:0.#} ms, " +
            $"p99 +{result.Gateway.Latency.P99 - result.Direct.Latency.P99:0.#} ms.");
        return text.ToString();
    }
}
