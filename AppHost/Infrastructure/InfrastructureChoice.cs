namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>The mode the app host runs in, and why, in words for the console.</summary>
public sealed record InfrastructureChoice(InfrastructureMode Mode, string Reason);
