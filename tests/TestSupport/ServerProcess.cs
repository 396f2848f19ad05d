using System.Diagnostics;
using EscalationPlatform.LocalServers;

namespace EscalationPlatform.Testing;

/// <summary>A process a test starts and controls: output goes to a log file; it can be stopped politely
/// (SIGTERM) or killed (SIGKILL), as a crash would.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<(string Line, TaskCompletionSource Seen)> _awaited = [];

    private ServerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogFile { get; private init; } = "";

    public static ServerProcess Start(LocalServerCommand command, string workingDirectory, string logFile,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = command.StartInfo(workingDirectory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo };
        var server = new ServerProcess(process, log) { LogFile = logFile };
        process.OutputDataReceived += (_, line) => server.Write(line.Data);
        process.ErrorDataReceived += (_, line) => server.Write(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until the process prints this exact line (for example "ready").</summary>
    public async Task WaitForLineAsync(string line, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            _awaited.Add((line, seen));
        }

        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout));
        if (finished != seen.Task)
        {
            throw new TimeoutException(
                $"'{line}' was not printed within {timeout.TotalSeconds:0} s{(finished == exited ? $" (exited with {_process.ExitCode})" : "")}; see {LogFile}");
        }
    }

    /// <summary>SIGKILL: no cleanup, no goodbye, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.Kill);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, and waits for the process to exit.</summary>
    public async Task InterruptAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.Interrupt);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the patience.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (_process.HasExited)
        {
            return;
        }

        Signals.Send(_process.Id, Signals.Terminate);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_awaited)
        {
            _log.WriteLine(line);
            foreach (var (awaited, seen) in _awaited.Where(entry => entry.Line == line))
            {
                seen.TrySetResult();
            }
        }
    }
}
