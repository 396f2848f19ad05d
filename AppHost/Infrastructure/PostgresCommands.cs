namespace EscalationPlatform.AppHost.Infrastructure;

/// <param name="BinDirectory">Where <c>postgres</c> and <c>initdb</c> are, for example /usr/lib/postgresql/15/bin.</param>
/// <param name="DataDirectory">The cluster's data folder.</param>
/// <param name="Port">The TCP port on 127.0.0.1.</param>
/// <param name="RunAsUser">The OS user to drop to: PostgreSQL refuses to run as root. Null runs as the current user.</param>
public sealed record PostgresServerOptions(string BinDirectory, string DataDirectory, int Port, string? RunAsUser);

/// <summary>The command lines for a throwaway development PostgreSQL cluster.</summary>
public static class PostgresCommands
{
    public const string SuperUser = "postgres";

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

    public static string ConnectionString(int port) => $"Host=127.0.0.1;Port={port};Username={SuperUser}";

    /// <summary>setpriv replaces itself with the program, so the process manager's signals reach the server directly.</summary>
    private static LocalServerCommand AsUser(string? user, string program, IReadOnlyList<string> arguments) => user is null
        ? new(program, arguments, new Dictionary<string, string>())
        : new("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", program, .. arguments], new Dictionary<string, string>());
}
