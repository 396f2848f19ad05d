using System.Globalization;
using System.Text;

namespace EscalationPlatform.Harness;

/// <summary>The operating-system processes of one platform: an assembly of it running with this platform's mark in its
/// environment (<see cref="MarkVariable"/>, set on every project the harness starts), so a second platform on the
/// machine, or ./run.sh, is never touched.</summary>
public sealed class PlatformProcesses(string mark)
{
    public const string MarkVariable = "ESCALATION_HARNESS_PLATFORM";

    /// <summary>The services' and the gateway's assemblies, by the app host's resource name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Assemblies = new Dictionary<string, string>
    {
        ["intake-api"] = "Intake.Api",
        ["triage-api"] = "Triage.Api",
        ["routing-api"] = "Routing.Api",
        ["sla-api"] = "Sla.Api",
        ["notification-api"] = "Notification.Api",
        ["insights-api"] = "Insights.Api",
        ["gateway"] = "EscalationPlatform.Gateway",
    };

    /// <summary>The portal's assembly (not a service: it holds no trust key and consumes no message).</summary>
    public const string Portal = "EscalationPlatform.Portal";

    public IReadOnlyList<int> Of(string assembly)
    {
        var found = new List<int>();
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                if (!commandLine.Contains(assembly, StringComparison.Ordinal) || commandLine.Contains(" run --project ", StringComparison.Ordinal))
                {
                    continue; // not the service, or only the `dotnet run` that started it (killing that would orphan the service)
                }

                var environment = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(proc, "environ")));
                if (environment.Contains($"{MarkVariable}={mark}\0", StringComparison.Ordinal))
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

    /// <summary>Resident memory (VmRSS) of a process in MiB, or null once it has exited.</summary>
    public static double? WorkingSetMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static bool HasExited(int pid) =>
        !File.Exists($"/proc/{pid}/cmdline") || File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
}
