namespace EscalationPlatform.Harness.Load;

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new(0, 0, 0, 0, 0);
        }

        double At(double percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, At(50), At(95), At(99), sorted[^1]);
    }

    public override string ToString() => $"p50 {P50:0.#} ms, p95 {P95:0.#} ms, p99 {P99:0.#} ms, max {Max:0.#} ms ({Count})";
}
