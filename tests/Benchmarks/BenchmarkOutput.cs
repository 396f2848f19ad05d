using System.Text.Json;

namespace Benchmarks;

/// <summary>Where a suite's results go: a Markdown summary on standard output, and the same summary beside a JSON
/// result in .state/bench (or --out), named by suite and time.</summary>
public static class BenchmarkOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(string[] args, string suite, object result, string markdown)
    {
        var directory = Arguments.Text(args, "--out") ?? Path.Combine(".state", "bench");
        Directory.CreateDirectory(directory);
        var name = Path.Combine(directory, $"{suite}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        await File.WriteAllTextAsync($"{name}.json", JsonSerializer.Serialize(result, Json));
        await File.WriteAllTextAsync($"{name}.md", markdown);
        Console.WriteLine(markdown);
        Console.Error.WriteLine($"Written: {name}.json, {name}.md");
    }
}
