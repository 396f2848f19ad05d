using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.Testing;
using EscalationPlatform.LocalServers;
using EscalationPlatform.Testing;
using Npgsql;

namespace EndToEnd.Tests.Deployment;

/// <summary>What the Kubernetes manifests give a workload is what it needs: its build output (the framework-dependent
/// publish output the image is made of) starts with nothing but the dev overlay's environment (ConfigMaps, Secret
/// references resolved to this platform's servers, $(VAR) expansion; no ASPNETCORE_ENVIRONMENT, so Production, as in a
/// cluster) and answers /health (its database, the broker and the cache reached) and /alive. Only the listening ports
/// differ (8080 and 8081 cannot be shared on one machine), and the Services' names resolve to this platform's endpoints
/// as the cluster's DNS would resolve them. A service started this way is one more replica of the running platform, as a
/// new pod would be.</summary>
[Collection(nameof(DeploymentConfigurationTests))]
public sealed class DeploymentConfigurationTests(PlatformFixture platform)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string, string?> Workloads => new()
    {
        { "intake-api", "services/Intake/Intake.Api/Intake.Api", "intakedb" },
        { "triage-api", "services/Triage/Triage.Api/Triage.Api", "triagedb" },
        { "routing-api", "services/Routing/Routing.Api/Routing.Api", "routingdb" },
        { "sla-api", "services/Sla/Sla.Api/Sla.Api", "sladb" },
        { "notification-api", "services/Notification/Notification.Api/Notification.Api", "notificationdb" },
        { "insights-api", "services/Insights/Insights.Api/Insights.Api", "insightsdb" },
        { "gateway", "gateway/Gateway/EscalationPlatform.Gateway", "gatewaydb" },
        { "portal", "portal/Portal/EscalationPlatform.Portal", null },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task The_build_output_starts_healthy_with_only_the_dev_overlays_environment(string workload, string assembly, string? database)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var secrets = await SecretsAsync(database);
        var environment = RenderedOverlay.Render("dev").Environment(workload, (name, key) => secrets.GetValueOrDefault($"{name}/{key}"));
        var port = FreePorts.Next();
        foreach (var endpoint in environment.Keys.Where(key => key.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal)).ToList())
        {
            environment[endpoint] = $"http://127.0.0.1:{(endpoint.Contains("__http__", StringComparison.Ordinal) ? port : FreePorts.Next())}";
        }

        foreach (var service in environment.Keys.Where(key => key.StartsWith("services__", StringComparison.Ordinal)).ToList())
        {
            var (name, endpoint) = (service.Split("__")[1], service.Split("__")[2]);
            environment[service] = platform.Endpoint(name, endpoint).ToString().TrimEnd('/');
        }

        using var process = Start(Path.Combine(RenderedOverlay.RepositoryRoot(), $"{Path.GetDirectoryName(assembly)}/bin/{Configuration}/net10.0/{Path.GetFileName(assembly)}.dll"),
            environment, out var output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var health = 0;
            var deadline = DateTime.UtcNow + StartPatience;
            while (health != 200 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken); // polling: a process gives no signal when it is ready
                try
                {
                    using var answer = await client.GetAsync("/health", cancellationToken);
                    health = (int)answer.StatusCode;
                }
                catch (HttpRequestException)
                {
                    health = 0;
                }
            }

            Assert.True(health == 200, $"{workload} {(process.HasExited ? "exited" : $"was not healthy within {StartPatience.TotalSeconds:0} s ({health})")}:\n{Tail(output)}");
            using var alive = await client.GetAsync("/alive", cancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            Signals.Send(process.Id, Signals.Terminate); // a graceful stop, as a pod's: it consumes as a replica of the platform
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The Secrets a cluster's operator (and the operators' own Secrets) would hold, for this platform's servers.</summary>
    private async Task<Dictionary<string, string>> SecretsAsync(string? database)
    {
        var app = platform.Host.App;
        var secrets = new Dictionary<string, string>
        {
            ["messaging-default-user/connection_string"] = (await app.GetConnectionStringAsync("messaging"))!,
            ["platform-cache/connection-string"] = (await app.GetConnectionStringAsync("cache"))!,
            ["platform-trust-key/trust-key"] = platform.Host.TrustKey,
            ["platform-operator-key/sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(platform.Host.OperatorKey))),
        };
        if (database is not null)
        {
            var connection = new NpgsqlConnectionStringBuilder(await app.GetConnectionStringAsync(database));
            secrets[$"{database}-app/host"] = connection.Host!;
            secrets[$"{database}-app/port"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            secrets[$"{database}-app/dbname"] = connection.Database!;
            secrets[$"{database}-app/username"] = connection.Username!;
            secrets[$"{database}-app/password"] = connection.Password ?? "";
        }

        return secrets;
    }

    /// <summary>The workload with exactly <paramref name="environment"/> (plus PATH and HOME, which any container has).</summary>
    private static Process Start(string dll, Dictionary<string, string> environment, out StringBuilder output)
    {
        Assert.True(File.Exists(dll), $"{dll} is not built");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment.Clear();
        foreach (var inherited in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (System.Environment.GetEnvironmentVariable(inherited) is { } value)
            {
                start.Environment[inherited] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var lines = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { lock (lines) { lines.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (lines) { lines.AppendLine(line.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = lines;
        return process;
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            return string.Join('\n', output.ToString().Split('\n').TakeLast(40));
        }
    }

    /// <summary>Debug or Release: the configuration this test project was built in, and so the services.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}

/// <summary>Each row starts a whole process (seconds of both cores): the collection runs alone, after the parallel
/// tests, so it neither delays their timing goals nor runs a replica with the deployment's settings beside their cases.</summary>
[CollectionDefinition(nameof(DeploymentConfigurationTests), DisableParallelization = true)]
public sealed class DeploymentConfigurationCollection;
