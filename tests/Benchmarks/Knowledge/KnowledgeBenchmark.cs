using System.Text;
using Benchmarks.Platform;
using EscalationPlatform.Harness.Knowledge;
using EscalationPlatform.Harness.Load;
using Npgsql;

namespace Benchmarks.Knowledge;

/// <summary>./bench.sh knowledge [--articles N] [--rounds N]: the knowledge search through the gateway over a knowledge
/// base of the labelled quality set's 40 known errors among N distractors (scripts/knowledge-seed.sql, 10,000 by
/// default): the set's 240 queries, warmed up once, then <c>--rounds</c> times; the target is a p95 under 50 ms, and
/// the quality the set measures with the distractors in the way.</summary>
public static class KnowledgeBenchmark
{
    private const string Tenant = "knowledge-bench";
    private const double TargetMs = 50;
    private const double DeflectionThreshold = 0.85;

    public sealed record Result(string Machine, int Articles, Percentiles Latency, bool Passed, QualityResult Quality);

    public static async Task<int> RunAsync(string[] args)
    {
        var articles = Arguments.Int(args, "--articles", 10_000);
        var rounds = Arguments.Int(args, "--rounds", 3);
        await using var host = await BenchPlatform.StartAsync([Tenant]);
        using var lead = await host.GatewayAsAsync(Tenant, "lead");
        var set = QualitySet.Load();
        await KnowledgeQuality.PublishAsync(lead, set, CancellationToken.None);

        Console.Error.WriteLine($"Seeding {articles:N0} known errors...");
        await using (var connection = await PlatformDatabases.OpenAsync(host, "triagedb"))
        {
            await using var seed = new NpgsqlCommand(await File.ReadAllTextAsync(Path.Combine("scripts", "knowledge-seed.sql")), connection) { CommandTimeout = 600 };
            seed.Parameters.AddWithValue("tenant", Tenant);
            seed.Parameters.AddWithValue("articles", articles);
            await seed.ExecuteNonQueryAsync();
            foreach (var table in (string[])["known_error", "known_error_signature"])
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 600 };
                await vacuum.ExecuteNonQueryAsync();
            }
        }

        await KnowledgeQuality.MeasureAsync(lead, set, DeflectionThreshold, CancellationToken.None); // warm-up
        var runs = new List<QualityResult>();
        for (var round = 0; round < rounds; round++)
        {
            runs.Add(await KnowledgeQuality.MeasureAsync(lead, set, DeflectionThreshold, CancellationToken.None));
        }

        var latency = Percentiles.Of(runs.SelectMany(run => run.Samples));
        var result = new Result(Machine.Describe(), articles + set.Articles.Count, latency, latency.P95 < TargetMs, runs[^1]);
        await BenchmarkOutput.WriteAsync(args, "knowledge", result, Markdown(result));
        return result.Passed ? 0 : 1;
    }

    private static string Markdown(Result result)
    {
        var quality = result.Quality;
        var text = new StringBuilder();
        text.AppendLine($"### Knowledge search over {result.Articles:N0} known errors ({result.Machine})").AppendLine();
        text.AppendLine($"The labelled set's {quality.Queries} queries through the gateway (`GET /api/v1/triage/knowledge/articles?q=...&limit=3`), {result.Latency.Count} in all after a warm-up; target p95 < {TargetMs:0} ms.").AppendLine();
        text.AppendLine("| p50 ms | p95 ms | p99 ms | max ms | |").AppendLine("|---:|---:|---:|---:|---|");
        text.AppendLine($"| {result.Latency.P50:0.#} | {result.Latency.P95:0.#} | {result.Latency.P99:0.#} | {result.Latency.Max:0.#} | {(result.Passed ? "ok" : "over")} |").AppendLine();
        text.AppendLine("| top-1 precision | top-1 recall | top-3 precision | top-3 recall | deflection-grade precision | deflection-grade reach |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        text.AppendLine($"| {quality.Top1Precision:P1} | {quality.Top1Recall:P1} | {quality.Top3Precision:P1} | {quality.Top3Recall:P1} | {quality.DeflectionPrecision:P1} | {quality.DeflectionReach:P1} |");
        return text.ToString();
    }
}
