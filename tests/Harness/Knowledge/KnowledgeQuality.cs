using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Harness.Load;

namespace EscalationPlatform.Harness.Knowledge;

/// <summary>The labelled quality set of the knowledge search (scripts/knowledge-quality-set.py): known errors, and error
/// messages as customers quote them, each labelled with the known error it should find or none.</summary>
public sealed record QualitySet(IReadOnlyList<JsonElement> Articles, IReadOnlyList<QualityQuery> Queries)
{
    public static QualitySet Load()
    {
        using var stream = typeof(QualitySet).Assembly.GetManifestResourceStream("quality-set.json")!;
        return JsonSerializer.Deserialize<QualitySet>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

public sealed record QualityQuery(string Message, string Shape, string? Expected);

/// <summary>How well the search found what it should, over the queries of a known error (positives) and those of none:
/// top-1 precision (of the queries given a suggestion at all, the share whose first is right: for a query of no known
/// error any suggestion is wrong), top-1 and top-3 recall (of the positives, the share with the right one first, or
/// among the first three), top-3 precision (of the queries given a suggestion, the share with the right one among the
/// first three), and the precision and reach of a deflection-grade first match (score at or above the threshold).</summary>
public sealed record QualityResult(
    int Queries, int Positives, double Top1Precision, double Top1Recall, double Top3Precision, double Top3Recall,
    double DeflectionPrecision, double DeflectionReach, IReadOnlyDictionary<string, double> Top1RecallByShape, Percentiles Latency,
    IReadOnlyList<string> Misses)
{
    /// <summary>Each search's time in milliseconds, in the order asked.</summary>
    public IReadOnlyList<double> Samples { get; init; } = [];

    public override string ToString() =>
        $"{Queries} queries ({Positives} of a known error): top-1 precision {Top1Precision:P1}, recall {Top1Recall:P1}; top-3 precision {Top3Precision:P1}, " +
        $"recall {Top3Recall:P1}; deflection-grade precision {DeflectionPrecision:P1}, reach {DeflectionReach:P1}; " +
        $"top-1 recall by shape: {string.Join(", ", Top1RecallByShape.Select(shape => $"{shape.Key} {shape.Value:P0}"))}; search {Latency}" +
        string.Concat(Misses.Select(miss => $"\n  {miss}"));
}

public static class KnowledgeQuality
{
    public const string Articles = "/api/v1/triage/knowledge/articles";

    /// <summary>Writes the set's known errors (as a caller allowed to).</summary>
    public static async Task PublishAsync(HttpClient writer, QualitySet set, CancellationToken cancellationToken)
    {
        foreach (var article in set.Articles)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(article.GetRawText())!.AsObject();
            body.Remove("id"); // the path names it
            using var put = await writer.PutAsJsonAsync($"{Articles}/{article.GetProperty("id").GetString()}", body, cancellationToken);
            if (!put.IsSuccessStatusCode && put.StatusCode != System.Net.HttpStatusCode.PreconditionRequired)
            {
                throw new HttpRequestException($"PUT {article.GetProperty("id")} answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>Asks the search for each query's three best and measures the answers.</summary>
    public static async Task<QualityResult> MeasureAsync(HttpClient reader, QualitySet set, double deflectionThreshold, CancellationToken cancellationToken)
    {
        var answers = new List<(QualityQuery Query, IReadOnlyList<(string Id, double Score)> Found)>();
        var latency = new List<double>();
        foreach (var query in set.Queries)
        {
            var timer = Stopwatch.StartNew();
            var page = await reader.GetFromJsonAsync<JsonElement>($"{Articles}?q={Uri.EscapeDataString(query.Message)}&limit=3", cancellationToken);
            latency.Add(timer.Elapsed.TotalMilliseconds);
            answers.Add((query, [.. page.GetProperty("items").EnumerateArray().Select(item => (item.GetProperty("id").GetString()!, item.GetProperty("score").GetDouble()))]));
        }

        var positives = answers.Where(answer => answer.Query.Expected is not null).ToList();
        var suggested = answers.Where(answer => answer.Found.Count > 0).ToList();
        var deflectable = answers.Where(answer => answer.Found.Count > 0 && answer.Found[0].Score >= deflectionThreshold).ToList();
        static double Share(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
        static bool First((QualityQuery Query, IReadOnlyList<(string Id, double Score)> Found) answer) =>
            answer.Found.Count > 0 && answer.Found[0].Id == answer.Query.Expected;
        static bool AmongThree((QualityQuery Query, IReadOnlyList<(string Id, double Score)> Found) answer) =>
            answer.Found.Any(found => found.Id == answer.Query.Expected);

        return new QualityResult(
            answers.Count, positives.Count,
            Share(suggested.Count(First), suggested.Count), Share(positives.Count(First), positives.Count),
            Share(suggested.Count(AmongThree), suggested.Count), Share(positives.Count(AmongThree), positives.Count),
            Share(deflectable.Count(First), deflectable.Count), Share(positives.Count(answer => First(answer) && answer.Found[0].Score >= deflectionThreshold), positives.Count),
            positives.GroupBy(answer => answer.Query.Shape).ToDictionary(shape => shape.Key, shape => Share(shape.Count(First), shape.Count())),
            Percentiles.Of(latency),
            [.. positives.Where(First).GroupBy(answer => answer.Query.Shape).Select(shape => $"lowest right score, {shape.Key}: {shape.Min(answer => answer.Found[0].Score):0.00}"),
             .. answers.Where(answer => answer.Found.Count > 0 && !First(answer))
                .Select(answer => $"wrong first: \"{answer.Query.Message}\" ({answer.Query.Expected ?? "no known error"}): {answer.Found[0].Id} {answer.Found[0].Score:0.00}")])
        {
            Samples = latency,
        };
    }
}
