namespace EscalationPlatform.LocalServers;

/// <summary>The command line for a development Redis server: loopback only, no persistence.</summary>
public static class RedisCommands
{
    public static LocalServerCommand Server(RedisServerOptions options) => LocalServerCommand.Of(
        "redis-server",
        "--bind", "127.0.0.1",
        "--port", options.Port.ToString(),
        "--dir", options.StateDirectory,
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--logfile", "");

    public static string ConnectionString(int port) => $"127.0.0.1:{port}";
}
