using EscalationPlatform.Testing;

namespace EscalationPlatform.Harness;

/// <summary>The app host's process manager stops resources in its own time after the app is disposed; a test
/// run must not leave servers behind, so wait for them, and stop what is still there.</summary>
public static class LeftoverProcesses
{
    public static async Task StopAsync(string stateDirectory, TimeSpan patience)
    {
        await Eventually.PollAsync(() => Task.FromResult(Using(stateDirectory).Count), count => count == 0, patience, TimeSpan.FromMilliseconds(200));
        foreach (var pid in Using(stateDirectory))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                // gone in the meantime
            }
        }
    }

    /// <summary>Processes whose command line names the folder or that run inside it.</summary>
    public static IReadOnlyList<int> Using(string directory)
    {
        var found = new List<int>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                var workingDirectory = new DirectoryInfo(Path.Combine(proc, "cwd")).LinkTarget ?? "";
                if (commandLine.Contains(directory, StringComparison.Ordinal) || workingDirectory.StartsWith(directory, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // exited while we looked
            }
        }

        return found;
    }
}
