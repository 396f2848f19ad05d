namespace EscalationPlatform.LocalServers;

/// <summary>The command lines for a throwaway development PostgreSQL cluster.</summary>
public static class PostgresCommands
{
    public const string SuperUser = "postgres";

    /// <summary>The OS user the server runs as: as root, <see cref="SuperUser"/> (PostgreSQL refuses to run as
    /// root); otherwise the current user.</summary>
    public static string? RunAsUser => System.Environment.UserName == "root" ? SuperUser : null;

    /// <summary>Development-only settings: durability is traded for speed, which a local cluster can afford.</summary>
    public static readonly IReadOnlyList<string> DevelopmentSettings =
    [
        "fsync=off",
        "synchronous_commit=off",
        "full_page_writes=off",
        "max_connections=500",
        "unix_socket_directories=",
    ];

    public static LocalServerCommand InitDb(PostgresServerOptions options) => AsUser(options.RunAsUser,
        Path.Combine(options.BinDirectory, "initdb"),
        ["-D", options.DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);

    public static LocalServerCommand Server(PostgresServerOptions options)
    {
        List<string> arguments = ["-D", options.DataDirectory, "-h", "127.0.0.1", "-p", options.Port.ToString()];
        foreach (var setting in DevelopmentSettings)
        {
            arguments.Add("-c");
            arguments.Add(setting);
        }

        return AsUser(options.RunAsUser, Path.Combine(options.BinDirectory, "postgres"), arguments);
    }

    /// <summary>Creates the cluster in <see cref="PostgresServerOptions.DataDirectory"/> unless it is there already (a
    /// half-made one from an interrupted first run is made again), owned by the user the server runs as.</summary>
    public static void InitializeCluster(PostgresServerOptions options, string ownedDirectory)
    {
        if (File.Exists(Path.Combine(options.DataDirectory, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }

        if (options.RunAsUser is not null)
        {
            LocalServerCommand.Of("chown", "-R", $"{options.RunAsUser}:{options.RunAsUser}", ownedDirectory).Run();
        }

        InitDb(options).Run();
    }

    public static string ConnectionString(int port) => $"Host=127.0.0.1;Port={port};Username={SuperUser}";

    /// <summary>setpriv replaces itself with the program, so the process manager's signals reach the server directly.</summary>
    private static LocalServerCommand AsUser(string? user, string program, IReadOnlyList<string> arguments) => user is null
        ? new(program, arguments, new Dictionary<string, string>())
        : new("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", program, .. arguments], new Dictionary<string, string>());
}
