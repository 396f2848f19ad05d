using System.Globalization;

namespace EscalationPlatform.Harness;

/// <summary>CPU time a process has used, from /proc/&lt;pid&gt;/stat, in seconds.</summary>
public static class ProcessCpu
{
    /// <summary>USER_HZ: /proc reports clock ticks of 1/100 s on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>utime + stime, and with <paramref name="reapedChildren"/> also cutime + cstime (the time of children
    /// the process has waited for, e.g. PostgreSQL backends that exited); null once the process is gone.</summary>
    public static double? Seconds(int pid, bool reapedChildren = false)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"), reapedChildren);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The fields after the command name, which may hold spaces and ')', so split after the last ')':
    /// state is field 3, utime 14, stime 15, cutime 16, cstime 17.</summary>
    public static double Parse(string stat, bool reapedChildren)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        var ticks = Field(14) + Field(15) + (reapedChildren ? Field(16) + Field(17) : 0);
        return ticks / TicksPerSecond;
    }

    /// <summary>The command name (/proc/&lt;pid&gt;/comm), at most 15 characters; null once the process is gone.</summary>
    public static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
