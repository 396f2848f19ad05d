namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>Whether a container runtime answered <c>info</c>, and if not, why.</summary>
public sealed record ContainerRuntimeStatus(string Command, bool Answered, string Detail);
