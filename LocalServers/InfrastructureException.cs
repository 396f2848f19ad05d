namespace EscalationPlatform.LocalServers;

/// <summary>A problem with the local set-up that the developer can fix; its message says how.</summary>
public sealed class InfrastructureException(string message) : Exception(message);
