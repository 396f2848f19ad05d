namespace EscalationPlatform.LocalServers;

/// <param name="InstallDirectory">Where the <c>rabbitmq-server</c> script is; the one in /usr/sbin switches user.</param>
/// <param name="StateDirectory">HOME, database, logs and configuration of this node.</param>
/// <param name="Port">The AMQP port on 127.0.0.1.</param>
/// <param name="DistributionPort">Erlang distribution port (the default, AMQP port + 20000, can exceed 65535).</param>
/// <param name="EpmdPort">A private Erlang port mapper: this node never touches another node's epmd.</param>
/// <param name="NodeName">The Erlang node name.</param>
/// <param name="ManagementPort">Where the management UI and HTTP API listen (loopback); null leaves the plugin off.</param>
/// <param name="ErlangCookie">The shared secret of a cluster's nodes (each node's HOME gets it); null lets the node make its own.</param>
public sealed record RabbitMqServerOptions(
    string InstallDirectory, string StateDirectory, int Port, int DistributionPort, int EpmdPort, string NodeName, int? ManagementPort = null,
    string? ErlangCookie = null);
