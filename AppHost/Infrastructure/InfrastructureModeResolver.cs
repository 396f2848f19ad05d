using EscalationPlatform.LocalServers;

namespace EscalationPlatform.AppHost.Infrastructure;

public static class InfrastructureModeResolver
{
    public const string ConfigurationKey = "Infrastructure:Mode";
    public const string EnvironmentVariable = "INFRASTRUCTURE_MODE";

    public static InfrastructureMode Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => InfrastructureMode.Auto,
        "containers" or "container" or "docker" => InfrastructureMode.Containers,
        "local" => InfrastructureMode.Local,
        _ => throw new InfrastructureException(
            $"Unknown infrastructure mode '{value}': use auto, containers or local ({ConfigurationKey} or {EnvironmentVariable})."),
    };

    /// <summary>Decides the mode; the container runtime is only asked when the mode is <see cref="InfrastructureMode.Auto"/>.</summary>
    public static InfrastructureChoice Resolve(InfrastructureMode requested, Func<ContainerRuntimeStatus> probeContainerRuntime)
    {
        if (requested != InfrastructureMode.Auto)
        {
            return new(requested, $"{requested.ToString().ToLowerInvariant()} mode was requested");
        }

        var runtime = probeContainerRuntime();
        return runtime.Answered
            ? new(InfrastructureMode.Containers, $"auto: '{runtime.Command} info' answered, so the servers run as containers")
            : new(InfrastructureMode.Local, $"auto: '{runtime.Command} info' did not answer ({runtime.Detail}), so the locally installed servers are used");
    }
}
