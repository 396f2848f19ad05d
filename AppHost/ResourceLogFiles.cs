namespace EscalationPlatform.AppHost;

/// <summary>Writes each resource's console output to a file, so a server that failed to start can be read
/// about without the dashboard.</summary>
public sealed class ResourceLogFiles(DistributedApplicationModel model, ResourceLoggerService logs, string directory)
{
    public static string PathFor(string directory, string resourceName) => Path.Combine(directory, $"{resourceName}.log");

    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(model.Resources.Where(resource => resource is ExecutableResource or ProjectResource or ContainerResource)
            .Select(resource => CopyAsync(resource, stoppingToken)));

    private async Task CopyAsync(IResource resource, CancellationToken stoppingToken)
    {
        await using var file = new StreamWriter(PathFor(directory, resource.Name), append: false) { AutoFlush = true };
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
