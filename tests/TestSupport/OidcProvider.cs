using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.LocalServers;

namespace EscalationPlatform.Testing;

/// <summary>A real OpenID Connect provider for tests: tests/OidcProvider/provider.js (the certified oidc-provider) in
/// a Node process on a free loopback port. Its clients stand for users ("agent", "admin", "visitor"); a token is
/// asked for by the client_credentials grant with a resource indicator that picks audience, algorithm and lifetime.</summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientSecret = "test-secret";
    public const string RsaResource = "urn:escalation-platform:rs256";
    public const string EcResource = "urn:escalation-platform:es256";
    public const string PssResource = "urn:escalation-platform:ps256";
    public const string ShortLivedResource = "urn:escalation-platform:short-lived";
    public const string OtherAudienceResource = "urn:another-api";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly ServerProcess _process;
    private readonly HttpClient _http;

    private readonly string _stateDirectory;

    private OidcProvider(ServerProcess process, Uri issuer, string stateDirectory)
    {
        _process = process;
        _stateDirectory = stateDirectory;
        Issuer = issuer.ToString().TrimEnd('/');
        _http = new HttpClient { BaseAddress = issuer };
    }

    /// <summary>The "iss" of its tokens, with no trailing slash.</summary>
    public string Issuer { get; }

    /// <summary>Starts a provider whose tokens for this platform carry the audience. It runs in a state folder of its
    /// own under the temporary folder (its log is there), so scripts/stop-leftovers.sh finds it after a crashed run.</summary>
    public static async Task<OidcProvider> StartAsync(string audience)
    {
        var directory = ProviderDirectory();
        await InstallIfMissingAsync(directory);
        var state = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"escalation-oidc-{Guid.NewGuid():N}")).FullName;
        var port = FreePorts.Next();
        var issuer = new Uri($"http://127.0.0.1:{port}");
        var process = ServerProcess.Start(LocalServerCommand.Of("node", Path.Combine(directory, "provider.js")), state,
            Path.Combine(state, "provider.log"), new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ISSUER"] = issuer.ToString().TrimEnd('/'),
            ["AUDIENCE"] = audience,
            ["CLIENT_SECRET"] = ClientSecret,
        });
        try
        {
            await process.WaitForLineAsync("ready", StartTimeout);
        }
        catch (TimeoutException)
        {
            await process.DisposeAsync();
            throw;
        }

        return new OidcProvider(process, issuer, state);
    }

    /// <summary>An access token for the client (the "user"), for the resource, with the scopes asked for.</summary>
    public async Task<string> TokenAsync(string client, string resource = RsaResource, string? scope = "operations config:write")
    {
        Dictionary<string, string> form = new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client,
            ["client_secret"] = ClientSecret,
            ["resource"] = resource,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var response = await _http.PostAsync("/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The provider refused a token for {client} and {resource}: {body}");
    }

    /// <summary>The provider's public signing keys (its JWKS).</summary>
    public async Task<JsonElement> KeysAsync() => await _http.GetFromJsonAsync<JsonElement>("/jwks");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        if (Environment.GetEnvironmentVariable("E2E_KEEP_STATE") is null)
        {
            System.IO.Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    private static string ProviderDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "OidcProvider");
            if (File.Exists(Path.Combine(candidate, "provider.js")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/OidcProvider/provider.js was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>test.sh installs the provider's packages (scripts/setup.sh); a test run started on its own does it here.</summary>
    private static async Task InstallIfMissingAsync(string directory)
    {
        if (File.Exists(Path.Combine(directory, "node_modules", "oidc-provider", "package.json")))
        {
            return;
        }

        var install = new ProcessStartInfo("npm") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["ci", "--no-audit", "--no-fund"])
        {
            install.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(install)!;
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed ({npm.ExitCode}): {await output}{await errors}");
        }
    }
}
