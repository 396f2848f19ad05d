using System.Text.Json;

namespace Benchmarks;

/// <summary>Where a suite's results go: a Markdown summary on standard output, and the same summary beside a JSON
/// result in .state/bench (or --out), named by suite and time.</summary>
public static class BenchmarkOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(string[] args, string suite, object result, string markdown) =>
        WriteAsync(NameFor(args, suite), result, markdown);

    /// <summary>The path, without extension, of a run's result files.</summary>
    public static string NameFor(string[] args, string suite)
    {
        var directory = Arguments.Text(args, "--out") ?? Path.Combine(".state", "bench");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{suite}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
    }

    /// <summary>Writes (or rewrites) the result files; a long suite saves what it has after each step (<paramref name="final"/>
    /// false), so a run that stops early still leaves its results, and prints the summary at the end.</summary>
    public static async Task WriteAsync(string name, object result, string markdown, bool final = true)
    {
        await File.WriteAllTextAsync($"{name}.json", JsonSerializer.Serialize(result, Json));
        await File.WriteAllTextAsync($"{name}.md", markdown);
        if (final)
        {
            Console.WriteLine(markdown);
            Console.Error.WriteLine($"Written: {name}.json, {name}.md");
        }
    }
}
