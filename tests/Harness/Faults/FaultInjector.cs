using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using EscalationPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.Harness.Faults;

/// <summary>Breaks the platform's processes, as a crash or an outage would, and brings them back through the app
/// host: services killed with SIGKILL (no shutdown, no flushing), servers restarted or stopped for a while.</summary>
public sealed class FaultInjector(PlatformHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private ResourceCommandService Commands => host.App.Services.GetRequiredService<ResourceCommandService>();

    private ResourceNotificationService Notifications => host.App.ResourceNotifications;

    /// <summary>SIGKILLs one process of the service (one replica, when there are several), then starts it again;
    /// <paramref name="whileDown"/> runs in between.</summary>
    public async Task KillServiceAsync(string resource, string assembly, CancellationToken cancellationToken, Func<Task>? whileDown = null)
    {
        var victim = host.Processes.Of(assembly).FirstOrDefault();
        if (victim == 0)
        {
            throw new InvalidOperationException($"No process of {assembly} runs in this platform.");
        }

        Signals.Send(victim, Signals.Kill);
        await WaitUntilAsync(() => PlatformProcesses.HasExited(victim), $"{assembly} ({victim}) to die");
        if (whileDown is not null)
        {
            await whileDown();
        }

        await StartStoppedAsync(resource, cancellationToken);
    }

    /// <summary>Restarts PostgreSQL the way an operator would under load: a fast shutdown (SIGINT to the postmaster),
    /// which ends the sessions and rolls back what was in flight. The app host's stop sends SIGTERM, a smart shutdown
    /// that waits for every client to disconnect, which pooled connections never do.</summary>
    public async Task RestartPostgresAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(host.StateDirectory, "postgres", "data", "postmaster.pid");
        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        Signals.Send(postmaster, Signals.Interrupt);
        await WaitUntilAsync(() => PlatformProcesses.HasExited(postmaster), $"PostgreSQL ({postmaster}) to shut down");
        await Task.Delay(down, cancellationToken);
        await StartStoppedAsync("postgres", cancellationToken);
    }

    /// <summary>Stops a server (RabbitMQ, Redis) for <paramref name="down"/>, then starts it again.</summary>
    public async Task StopServerAsync(string resource, TimeSpan down, CancellationToken cancellationToken)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        await Task.Delay(down, cancellationToken);
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        await Notifications.WaitForResourceHealthyAsync(resource, cancellationToken).WaitAsync(Patience, cancellationToken);
    }

    /// <summary>Starts every instance of the resource that has stopped (the one whose process died), and waits until
    /// the resource is healthy again.</summary>
    private async Task StartStoppedAsync(string resource, CancellationToken cancellationToken)
    {
        var instances = await InstancesAsync(resource, cancellationToken);
        await WaitUntilAsync(() => instances.Any(instance => State(instance) is not ("Running" or "Starting")),
            $"{resource} to be seen stopped (instances: {string.Join(", ", instances.Select(instance => $"{instance} {State(instance)}"))})");
        foreach (var instance in instances.Where(instance => State(instance) is not ("Running" or "Starting")))
        {
            await ExecuteAsync(instance, KnownResourceCommands.StartCommand, cancellationToken);
        }

        try
        {
            await Notifications.WaitForResourceHealthyAsync(resource, cancellationToken).WaitAsync(Patience, cancellationToken);
        }
        catch (Exception failed) when (failed is DistributedApplicationException or TimeoutException)
        {
            // The log goes with the test's folder: its end says why the restart failed.
            var log = EscalationPlatform.AppHost.ResourceLogFiles.PathFor(Path.Combine(host.StateDirectory, "logs"), resource);
            throw new InvalidOperationException(
                $"{resource} did not come back after its restart: {failed.Message}\n{string.Join('\n', EscalationPlatform.AppHost.ResourceLogFiles.Tail(log, 40))}", failed);
        }
    }

    /// <summary>The ids of a resource's instances (its replicas), from the app host's current resource states.</summary>
    private async Task<IReadOnlyList<string>> InstancesAsync(string resource, CancellationToken cancellationToken)
    {
        var instances = new HashSet<string>(StringComparer.Ordinal);
        using var glance = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        glance.CancelAfter(TimeSpan.FromMilliseconds(500)); // the current states come at once; then only changes would
        try
        {
            await foreach (var change in Notifications.WatchAsync(glance.Token))
            {
                if (change.Resource.Name == resource)
                {
                    instances.Add(change.ResourceId);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the glance is over
        }

        return [.. instances];
    }

    private string? State(string instance) =>
        Notifications.TryGetCurrentState(instance, out var current) ? current.Snapshot.State?.Text : null;

    private async Task ExecuteAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await Commands.ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Eventually.ReachesAsync(() => Task.FromResult(condition()), holds => holds, Patience, what);
}
