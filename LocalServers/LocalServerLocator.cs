namespace EscalationPlatform.LocalServers;

/// <summary>Finds the locally installed server programs, or says in one line what to install.</summary>
public static class LocalServerLocator
{
    public static string PostgresBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "postgres"))
                ? configured
                : throw new InfrastructureException($"No postgres program in '{configured}' (Infrastructure:PostgresBinDirectory).");
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InfrastructureException(
            "PostgreSQL is not installed: install it (apt-get install postgresql) or set Infrastructure:PostgresBinDirectory.");
    }

    public static string RabbitMqInstallDirectory(string? configured)
    {
        var directory = string.IsNullOrWhiteSpace(configured) ? "/usr/lib/rabbitmq/bin" : configured;
        return File.Exists(Path.Combine(directory, "rabbitmq-server"))
            ? directory
            : throw new InfrastructureException(
                $"RabbitMQ is not installed (no rabbitmq-server in {directory}): install it (apt-get install rabbitmq-server).");
    }

    public static string OnPath(string program, string package) =>
        FindOnPath(program) ?? throw new InfrastructureException($"'{program}' is not on PATH: install it (apt-get install {package}).");

    /// <summary>smtp4dev ships as a dotnet tool with a native launcher per platform; running that launcher
    /// directly keeps it one process, which the process manager can stop cleanly. Local tools are restored to
    /// the user's NuGet folder even when NUGET_PACKAGES points elsewhere, so both are searched.</summary>
    public static string MailServerExecutable()
    {
        string[] packageFolders =
        [
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        ];
        var candidates = packageFolders
            .Where(folder => folder.Length > 0 && Directory.Exists(folder))
            .SelectMany(folder => Directory.GetDirectories(folder, MailServerCommands.ToolPackage + "*"))
            .Select(package => Path.Combine(package, MailServerCommands.ToolVersion, "tools"))
            .Where(Directory.Exists)
            .SelectMany(tools => Directory.EnumerateFiles(tools, "Rnwood.Smtp4dev", SearchOption.AllDirectories));
        return candidates.FirstOrDefault() ?? throw new InfrastructureException(
            $"The development mail server is not installed: run 'dotnet tool restore' in the repository ({MailServerCommands.ToolPackage} {MailServerCommands.ToolVersion}).");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
