using System.Runtime.InteropServices;

namespace EscalationPlatform.Testing;

/// <summary>POSIX signals: .NET's Process.Kill only sends SIGKILL.</summary>
public static partial class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    public static void Send(int pid, int signal) => _ = SendSignal(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
