using System.ComponentModel;
using System.Diagnostics;

namespace EscalationPlatform.AppHost.Infrastructure;

public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Asks the runtime Aspire would use (ASPIRE_CONTAINER_RUNTIME, default docker) for <c>info</c>.</summary>
    public static ContainerRuntimeStatus Probe()
    {
        var command = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } runtime ? runtime : "docker";
        var startInfo = new ProcessStartInfo(command, "info")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(startInfo)!;
            _ = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return new(command, false, $"no answer within {Timeout.TotalSeconds:0} s");
            }

            return process.ExitCode == 0
                ? new(command, true, "engine running")
                : new(command, false, FirstLine(error.Result) ?? $"exit code {process.ExitCode}");
        }
        catch (Win32Exception)
        {
            return new(command, false, $"'{command}' is not installed");
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
