using System.Diagnostics;

namespace EscalationPlatform.LocalServers;

/// <summary>How to start one locally installed server: the program, its arguments and its environment.</summary>
public sealed record LocalServerCommand(
    string Executable,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment)
{
    public static LocalServerCommand Of(string executable, params string[] arguments) =>
        new(executable, arguments, new Dictionary<string, string>());

    /// <summary>The process to start, its output redirected (the caller reads it).</summary>
    public ProcessStartInfo StartInfo(string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    /// <summary>Runs a one-off command (initdb, chown) to its end; a non-zero exit code is an
    /// <see cref="InfrastructureException"/> with what the command printed on standard error.</summary>
    public void Run()
    {
        using var process = Process.Start(StartInfo())!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InfrastructureException(
                $"'{Executable} {string.Join(' ', Arguments)}' failed with exit code {process.ExitCode}: {error.Result.Trim()}");
        }
    }
}
