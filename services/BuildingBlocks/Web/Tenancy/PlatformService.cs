namespace EscalationPlatform.Web.Tenancy;

/// <summary>The name a service is addressed by in signatures ("intake", "sla"): a request signed for another service
/// is refused here.</summary>
public sealed record PlatformService(string Name);
