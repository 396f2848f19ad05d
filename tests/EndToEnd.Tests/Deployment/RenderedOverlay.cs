using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Deployment;

/// <summary>A Kustomize overlay of deploy/kubernetes, rendered as `kubectl apply -k` would render it, and the environment a
/// workload's container gets from it: its ConfigMaps (envFrom), its literal values, its Secret references (resolved by the
/// caller, as the cluster's Secrets would be) and Kubernetes' $(VAR) expansion.</summary>
public sealed partial class RenderedOverlay
{
    private readonly List<JsonElement> _objects;

    private RenderedOverlay(List<JsonElement> objects) => _objects = objects;

    public static RenderedOverlay Render(string overlay)
    {
        var directory = Path.Combine(RepositoryRoot(), "deploy", "kubernetes", "overlays", overlay);
        // kubectl prints YAML; the validator's Python (a checked prerequisite of ./test.sh) turns it into JSON.
        var json = Run("bash", "-c", $"kubectl kustomize '{directory}' | python3 -c 'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(sys.stdin))))'");
        return new RenderedOverlay([.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(item => item.Clone())]);
    }

    /// <summary>The environment of the workload's container named "app"; <paramref name="secret"/> answers a secretKeyRef
    /// (secret name, key) or null for an optional one that does not exist.</summary>
    public Dictionary<string, string> Environment(string workload, Func<string, string, string?> secret)
    {
        var container = Object("Deployment", workload).GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")
            .EnumerateArray().Single(candidate => candidate.GetProperty("name").GetString() == "app");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (container.TryGetProperty("envFrom", out var sources))
        {
            foreach (var source in sources.EnumerateArray())
            {
                var data = Object("ConfigMap", source.GetProperty("configMapRef").GetProperty("name").GetString()!).GetProperty("data");
                foreach (var entry in data.EnumerateObject())
                {
                    environment[entry.Name] = entry.Value.GetString()!;
                }
            }
        }

        foreach (var variable in container.TryGetProperty("env", out var env) ? env.EnumerateArray() : default)
        {
            var name = variable.GetProperty("name").GetString()!;
            if (variable.TryGetProperty("value", out var value))
            {
                environment[name] = Expand(value.GetString()!, environment);
            }
            else if (variable.GetProperty("valueFrom").TryGetProperty("secretKeyRef", out var reference)
                     && secret(reference.GetProperty("name").GetString()!, reference.GetProperty("key").GetString()!) is { } resolved)
            {
                environment[name] = resolved;
            }
            else if (variable.GetProperty("valueFrom").TryGetProperty("fieldRef", out _))
            {
                environment[name] = $"{workload}-pod";
            }
        }

        return environment;
    }

    /// <summary>Kubernetes' dependent environment variables: $(NAME) of a variable defined before it.</summary>
    private static string Expand(string value, Dictionary<string, string> defined) =>
        VariableReference().Replace(value, match => defined.TryGetValue(match.Groups[1].Value, out var known) ? known : match.Value);

    private JsonElement Object(string kind, string name) =>
        _objects.Single(item => item.GetProperty("kind").GetString() == kind && item.GetProperty("metadata").GetProperty("name").GetString() == name);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EscalationPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (EscalationPlatform.sln) is not above the test's folder.");
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"Rendering the overlay failed: {error.Result}");
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
