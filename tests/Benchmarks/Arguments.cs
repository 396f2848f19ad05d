using System.Globalization;

namespace Benchmarks;

/// <summary>A suite's options, given as "--name value".</summary>
public static class Arguments
{
    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static double Number(string[] args, string name, double fallback) =>
        Text(args, name) is { } text && double.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static bool Has(string[] args, string name) => Array.IndexOf(args, name) >= 0;

    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
