namespace EscalationPlatform.LocalServers;

public sealed record RedisServerOptions(string StateDirectory, int Port);
