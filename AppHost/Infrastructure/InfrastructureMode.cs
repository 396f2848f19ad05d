namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>Where PostgreSQL, RabbitMQ and Redis come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else the locally installed servers.</summary>
    Auto,

    /// <summary>Aspire's container resources (needs a running Docker or Podman engine).</summary>
    Containers,

    /// <summary>The locally installed servers, started by the app host as executables.</summary>
    Local,
}
