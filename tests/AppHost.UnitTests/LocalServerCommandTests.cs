using EscalationPlatform.LocalServers;

namespace AppHost.UnitTests;

public sealed class LocalServerCommandTests
{
    private static readonly PostgresServerOptions Postgres = new("/usr/lib/postgresql/15/bin", "/state/postgres/data", 41000, null);

    [Fact]
    public void Postgres_listens_on_loopback_at_the_chosen_port_with_its_data_folder()
    {
        var command = PostgresCommands.Server(Postgres);

        Assert.Equal("/usr/lib/postgresql/15/bin/postgres", command.Executable);
        Assert.Equal(["-D", "/state/postgres/data", "-h", "127.0.0.1", "-p", "41000"], command.Arguments.Take(6));
    }

    [Fact]
    public void Postgres_gets_the_development_settings_as_separate_arguments()
    {
        var arguments = PostgresCommands.Server(Postgres).Arguments;

        foreach (var setting in PostgresCommands.DevelopmentSettings)
        {
            var index = arguments.ToList().IndexOf(setting);
            Assert.True(index > 0, $"missing {setting}");
            Assert.Equal("-c", arguments[index - 1]);
        }

        Assert.Contains("fsync=off", arguments);
        Assert.Contains("unix_socket_directories=", arguments);
    }

    [Fact]
    public void Postgres_as_root_drops_to_the_service_user_through_setpriv_keeping_the_arguments()
    {
        var asUser = PostgresCommands.Server(Postgres with { RunAsUser = "postgres" });
        var direct = PostgresCommands.Server(Postgres);

        Assert.Equal("setpriv", asUser.Executable);
        Assert.Equal(["--reuid=postgres", "--regid=postgres", "--init-groups", direct.Executable, .. direct.Arguments], asUser.Arguments);
    }

    [Fact]
    public void Initdb_creates_a_trust_cluster_for_the_superuser_in_the_data_folder()
    {
        var command = PostgresCommands.InitDb(Postgres);

        Assert.Equal("/usr/lib/postgresql/15/bin/initdb", command.Executable);
        Assert.Equal(["-D", "/state/postgres/data", "-U", "postgres", "--auth=trust"], command.Arguments.Take(5));
    }

    [Fact]
    public void Postgres_connection_string_names_host_port_and_user()
    {
        Assert.Equal("Host=127.0.0.1;Port=41000;Username=postgres", PostgresCommands.ConnectionString(41000));
    }

    private static readonly RabbitMqServerOptions RabbitMq = new("/usr/lib/rabbitmq/bin", "/state/messaging", 42000, 42001, 42002, "messaging@localhost");

    [Fact]
    public void RabbitMq_runs_the_script_that_does_not_switch_user_and_keeps_everything_in_its_state_folder()
    {
        var command = RabbitMqCommands.Server(RabbitMq);

        Assert.Equal("/usr/lib/rabbitmq/bin/rabbitmq-server", command.Executable);
        Assert.Empty(command.Arguments);
        Assert.Equal("/state/messaging", command.Environment["HOME"]);
        Assert.Equal("/state/messaging/mnesia", command.Environment["RABBITMQ_MNESIA_BASE"]);
        Assert.Equal("/state/messaging/rabbitmq.conf", command.Environment["RABBITMQ_CONFIG_FILE"]);
        Assert.Equal("/state/messaging/enabled_plugins", command.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"]);
        Assert.Equal("messaging@localhost", command.Environment["RABBITMQ_NODENAME"]);
    }

    [Fact]
    public void RabbitMq_uses_explicit_amqp_distribution_and_port_mapper_ports()
    {
        var environment = RabbitMqCommands.Server(RabbitMq).Environment;

        Assert.Equal("42000", environment["RABBITMQ_NODE_PORT"]);
        Assert.Equal("42001", environment["RABBITMQ_DIST_PORT"]);
        Assert.Equal("42002", environment["ERL_EPMD_PORT"]);
        Assert.Equal("127.0.0.1", environment["RABBITMQ_NODE_IP_ADDRESS"]);
        Assert.Equal("-", environment["RABBITMQ_LOGS"]);
    }

    [Fact]
    public void RabbitMq_port_mapper_is_private_to_the_node_and_runs_in_the_foreground()
    {
        var command = RabbitMqCommands.PortMapper(RabbitMq);

        Assert.Equal("epmd", command.Executable);
        Assert.Equal(["-port", "42002", "-address", "127.0.0.1"], command.Arguments);
        Assert.DoesNotContain("-daemon", command.Arguments);
    }

    [Fact]
    public void RabbitMq_configuration_listens_on_loopback_and_enables_no_plugin_without_a_management_port()
    {
        Assert.Contains("listeners.tcp.default = 127.0.0.1:42000", RabbitMqCommands.ConfigFileContent(RabbitMq));
        Assert.DoesNotContain("management", RabbitMqCommands.ConfigFileContent(RabbitMq));
        Assert.Equal("[].\n", RabbitMqCommands.PluginsFileContent(RabbitMq));
        Assert.Equal("amqp://guest:guest@127.0.0.1:42000/", RabbitMqCommands.ConnectionString(42000));
    }

    [Fact]
    public void RabbitMq_management_listens_on_loopback_at_its_own_port_when_given_one()
    {
        var withManagement = RabbitMq with { ManagementPort = 42003 };

        Assert.Contains("management.tcp.ip = 127.0.0.1", RabbitMqCommands.ConfigFileContent(withManagement));
        Assert.Contains("management.tcp.port = 42003", RabbitMqCommands.ConfigFileContent(withManagement));
        Assert.Equal("[rabbitmq_management].\n", RabbitMqCommands.PluginsFileContent(withManagement));
    }

    [Fact]
    public void Redis_binds_loopback_on_the_chosen_port_without_persistence()
    {
        var command = RedisCommands.Server(new("/state/cache", 43000));

        Assert.Equal("redis-server", command.Executable);
        Assert.Equal(
            ["--bind", "127.0.0.1", "--port", "43000", "--dir", "/state/cache", "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", ""],
            command.Arguments);
        Assert.Equal("127.0.0.1:43000", RedisCommands.ConnectionString(43000));
    }

    [Fact]
    public void Mail_server_serves_smtp_and_its_web_api_on_the_chosen_ports_and_keeps_mail_in_memory()
    {
        var command = MailServerCommands.Server(new("/tools/Rnwood.Smtp4dev", 2525, 15081));

        Assert.Equal("/tools/Rnwood.Smtp4dev", command.Executable);
        Assert.Contains("--urls=http://127.0.0.1:15081", command.Arguments);
        Assert.Contains("--smtpport=2525", command.Arguments);
        Assert.Contains("--db=", command.Arguments);
        Assert.Equal("Endpoint=smtp://127.0.0.1:2525", MailServerCommands.ConnectionString(2525));
    }
}
