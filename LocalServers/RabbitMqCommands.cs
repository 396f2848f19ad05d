namespace EscalationPlatform.LocalServers;

/// <summary>The command lines and configuration for a development RabbitMQ node.</summary>
public static class RabbitMqCommands
{
    public static string ConfigFile(RabbitMqServerOptions options) => Path.Combine(options.StateDirectory, "rabbitmq.conf");

    public static string PluginsFile(RabbitMqServerOptions options) => Path.Combine(options.StateDirectory, "enabled_plugins");

    public static string ConfigFileContent(RabbitMqServerOptions options) => $"""
        listeners.tcp.default = 127.0.0.1:{options.Port}
        loopback_users = none
        disk_free_limit.absolute = 50MB
        vm_memory_high_watermark.relative = 0.4

        """ + (options.ManagementPort is { } management
        ? $"""
          management.tcp.ip = 127.0.0.1
          management.tcp.port = {management}

          """
        : "");

    /// <summary>The management plugin only when it has a port of its own: its default port is fixed, and a second
    /// stack on the machine would collide with the first.</summary>
    public static string PluginsFileContent(RabbitMqServerOptions options) =>
        options.ManagementPort is null ? "[].\n" : "[rabbitmq_management].\n";

    /// <summary>Writes the node's configuration and enabled-plugins files into its state folder, and a cluster's
    /// cookie into its HOME (readable by the owner only, or Erlang refuses it).</summary>
    public static void WriteConfigurationFiles(RabbitMqServerOptions options)
    {
        File.WriteAllText(ConfigFile(options), ConfigFileContent(options));
        File.WriteAllText(PluginsFile(options), PluginsFileContent(options));
        if (options.ErlangCookie is { } cookie)
        {
            var cookieFile = Path.Combine(options.StateDirectory, ".erlang.cookie");
            File.Delete(cookieFile);
            File.WriteAllText(cookieFile, cookie);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(cookieFile, UnixFileMode.UserRead);
            }
        }
    }

    /// <summary>rabbitmqctl against this node (stop_app, join_cluster, await_startup): it finds the node through the
    /// node's port mapper and authenticates with the cookie in the node's HOME.</summary>
    public static LocalServerCommand Control(RabbitMqServerOptions options, params string[] arguments) => new(
        Path.Combine(options.InstallDirectory, "rabbitmqctl"),
        ["-n", options.NodeName, .. arguments],
        new Dictionary<string, string>
        {
            ["HOME"] = options.StateDirectory,
            ["ERL_EPMD_PORT"] = options.EpmdPort.ToString(),
        });

    public static LocalServerCommand Server(RabbitMqServerOptions options) => new(
        Path.Combine(options.InstallDirectory, "rabbitmq-server"),
        [],
        new Dictionary<string, string>
        {
            ["HOME"] = options.StateDirectory,
            ["RABBITMQ_NODENAME"] = options.NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = options.Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = options.DistributionPort.ToString(),
            ["ERL_EPMD_PORT"] = options.EpmdPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(options.StateDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(options.StateDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = ConfigFile(options),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = PluginsFile(options),
            ["RABBITMQ_PID_FILE"] = Path.Combine(options.StateDirectory, "rabbitmq.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}", // node-to-node traffic on loopback only
        });

    /// <summary>The node's own port mapper, run in the foreground so that the process manager stops it too.</summary>
    public static LocalServerCommand PortMapper(RabbitMqServerOptions options) =>
        LocalServerCommand.Of("epmd", "-port", options.EpmdPort.ToString(), "-address", "127.0.0.1");

    public static string ConnectionString(int port) => $"amqp://guest:guest@127.0.0.1:{port}/";
}
