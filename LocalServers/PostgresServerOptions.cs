namespace EscalationPlatform.LocalServers;

/// <param name="BinDirectory">Where <c>postgres</c> and <c>initdb</c> are, for example /usr/lib/postgresql/15/bin.</param>
/// <param name="DataDirectory">The cluster's data folder.</param>
/// <param name="Port">The TCP port on 127.0.0.1.</param>
/// <param name="RunAsUser">The OS user to drop to: PostgreSQL refuses to run as root. Null runs as the current user.</param>
public sealed record PostgresServerOptions(string BinDirectory, string DataDirectory, int Port, string? RunAsUser);
