namespace EscalationPlatform.AppHost;

/// <summary>Writes each resource's console output to a file, so a server that failed to start can be read
/// about without the dashboard.</summary>
public sealed class ResourceLogFiles(DistributedApplicationModel model, ResourceLoggerService logs, string directory)
{
    public static string PathFor(string directory, string resourceName) => Path.Combine(directory, $"{resourceName}.log");

    /// <summary>The last lines written so far (none when there is no log yet), read beside the writer.</summary>
    public static IReadOnlyList<string> Tail(string path, int lines)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var last = new Queue<string>(lines);
        while (reader.ReadLine() is { } line)
        {
            if (last.Count == lines)
            {
                last.Dequeue();
            }

            last.Enqueue(line);
        }

        return [.. last];
    }

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
