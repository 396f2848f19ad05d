using EscalationPlatform.AppHost.Infrastructure;
using EscalationPlatform.LocalServers;

namespace AppHost.UnitTests;

public sealed class InfrastructureModeTests
{
    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("auto", InfrastructureMode.Auto)]
    [InlineData(" Local ", InfrastructureMode.Local)]
    [InlineData("containers", InfrastructureMode.Containers)]
    [InlineData("docker", InfrastructureMode.Containers)]
    public void Parses_the_configured_mode(string? value, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureModeResolver.Parse(value));

    [Fact]
    public void Rejects_an_unknown_mode_and_names_the_valid_ones()
    {
        var error = Assert.Throws<InfrastructureException>(() => InfrastructureModeResolver.Parse("kubernetes"));
        Assert.Contains("'kubernetes'", error.Message);
        Assert.Contains("auto, containers or local", error.Message);
    }

    [Fact]
    public void Auto_uses_containers_when_the_runtime_answers()
    {
        var choice = InfrastructureModeResolver.Resolve(InfrastructureMode.Auto, () => new("docker", true, "engine running"));

        Assert.Equal(InfrastructureMode.Containers, choice.Mode);
        Assert.Contains("'docker info' answered", choice.Reason);
    }

    [Fact]
    public void Auto_uses_local_servers_when_the_runtime_does_not_answer_and_says_why()
    {
        var choice = InfrastructureModeResolver.Resolve(
            InfrastructureMode.Auto, () => new("docker", false, "Cannot connect to the Docker daemon"));

        Assert.Equal(InfrastructureMode.Local, choice.Mode);
        Assert.Contains("Cannot connect to the Docker daemon", choice.Reason);
    }

    [Theory]
    [InlineData(InfrastructureMode.Local)]
    [InlineData(InfrastructureMode.Containers)]
    public void An_explicit_mode_wins_without_asking_the_container_runtime(InfrastructureMode requested)
    {
        var asked = false;

        var choice = InfrastructureModeResolver.Resolve(requested, () =>
        {
            asked = true;
            return new("docker", true, "engine running");
        });

        Assert.Equal(requested, choice.Mode);
        Assert.False(asked);
    }

    [Fact]
    public void Probing_a_runtime_that_is_not_installed_reports_it_instead_of_throwing()
    {
        var previous = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME");
        Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", "no-such-container-runtime");
        try
        {
            var status = ContainerRuntimeProbe.Probe();

            Assert.False(status.Answered);
            Assert.Contains("not installed", status.Detail);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME", previous);
        }
    }
}
