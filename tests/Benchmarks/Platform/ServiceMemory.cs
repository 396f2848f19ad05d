using EscalationPlatform.Harness;

namespace Benchmarks.Platform;

/// <summary>Each service's resident memory, sampled every second while a load runs: the peak and the mean per
/// process (replicas are summed into their service).</summary>
public sealed class ServiceMemory(PlatformProcesses processes) : IAsyncDisposable
{
    private readonly Dictionary<string, List<double>> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;

    public sealed record Usage(string Service, double PeakMiB, double MeanMiB);

    public void Start() => _sampling = SampleAsync(_stop.Token);

    public async Task<IReadOnlyList<Usage>> StopAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null)
        {
            await _sampling;
        }

        return [.. _samples.Select(sample => new Usage(sample.Key, sample.Value.DefaultIfEmpty().Max(), sample.Value.DefaultIfEmpty().Average()))];
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                foreach (var (resource, assembly) in PlatformProcesses.Assemblies)
                {
                    var total = processes.Of(assembly).Sum(pid => PlatformProcesses.WorkingSetMiB(pid) ?? 0);
                    if (total > 0)
                    {
                        (_samples.TryGetValue(resource, out var list) ? list : _samples[resource] = []).Add(total);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
