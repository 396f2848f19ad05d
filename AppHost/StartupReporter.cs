using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.AppHost;

/// <summary>Watches resources until all of them are up: then prints the URLs a developer needs; if one fails
/// first, says which and where its log is, and stops the app host with exit code 1.</summary>
public sealed class StartupReporter(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    IHostApplicationLifetime lifetime,
    string logDirectory,
    bool traceStates,
    Func<IReadOnlyList<string>> urls)
{
    private static readonly HashSet<string?> FailedStates =
    [
        KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.RuntimeUnhealthy,
    ];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var expected = model.Resources.Where(IsStarted).Select(resource => resource.Name).ToHashSet();
        var latest = new Dictionary<string, ResourceEvent>();
        var startupDone = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (traceStates)
                {
                    Console.WriteLine($"[resource] {update.ResourceId}: {update.Snapshot.State?.Text} health={update.Snapshot.HealthStatus?.ToString() ?? "-"}");
                }

                if (update.Snapshot.IsHidden)
                {
                    expected.Remove(update.Resource.Name); // the dashboard and the project rebuilders are not ours to wait for
                }

                if (startupDone || !expected.Contains(update.Resource.Name))
                {
                    continue;
                }

                latest[update.ResourceId] = update;
                if (FailedStates.Contains(update.Snapshot.State?.Text))
                {
                    ReportFailure(update);
                    startupDone = true;
                }
                else if (expected.All(name => latest.Values.Any(e => e.Resource.Name == name)) && latest.Values.All(IsUp))
                {
                    Console.WriteLine();
                    foreach (var url in urls())
                    {
                        Console.WriteLine(url);
                    }

                    Console.WriteLine("Everything is up. Press Ctrl+C to stop.");
                    startupDone = true;
                }

                if (startupDone && !traceStates)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private const int TailLines = 40;

    private void ReportFailure(ResourceEvent update)
    {
        var exitCode = update.Snapshot.ExitCode is { } code ? $" with exit code {code}" : "";
        var log = ResourceLogFiles.PathFor(logDirectory, update.Resource.Name);
        Console.Error.WriteLine($"Resource '{update.Resource.Name}' failed to start ({update.Snapshot.State?.Text}{exitCode}). Its log: {log}");
        // The log's end says why; it is printed too, since the log goes with its folder (a test's, a CI machine's).
        foreach (var line in ResourceLogFiles.Tail(log, TailLines))
        {
            Console.Error.WriteLine($"  {update.Resource.Name} | {line}");
        }

        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private static bool IsUp(ResourceEvent update) =>
        update.Snapshot.State?.Text == KnownResourceStates.Running
        && update.Snapshot.HealthStatus is null or HealthStatus.Healthy;

    /// <summary>Resources the app host starts itself: processes, containers, and databases on them.</summary>
    private static bool IsStarted(IResource resource) =>
        resource is ExecutableResource or ProjectResource or ContainerResource or IResourceWithParent;
}
