using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EndToEnd.Tests;

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    /// <summary>Checks the Standard Webhooks signature independently of the platform's code: HMAC-SHA256 of
    /// "{id}.{timestamp}.{body}" keyed with the base64 part of the whsec_ secret, any of the space-separated v1 values.</summary>
    public bool SignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected)));
    }
}

/// <summary>A real HTTP server standing in for a partner's webhook endpoint: it records what arrives at
/// /hooks/{name} and answers 204, or the failure status it was told to give.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedWebhook>> _received = new();
    private readonly ConcurrentDictionary<string, int> _failures = new();
    private readonly WebApplication _app;

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // the test folder holds the gateway's appsettings.json, Kestrel endpoints and all
        builder.Configuration.AddInMemoryCollection();
        // 127.0.0.2, the one internal address the test platform allow-lists: webhooks refuse the rest of 127.0.0.0/8.
        builder.WebHost.UseUrls($"http://{PlatformFixture.WebhookNetwork.BaseAddress}:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            _received.GetOrAdd(name, _ => new()).Enqueue(new(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(), body));
            return _failures.TryGetValue(name, out var status) ? Results.StatusCode(status) : Results.NoContent();
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public string UrlFor(string name) =>
        $"{_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()}/hooks/{name}";

    public IReadOnlyList<ReceivedWebhook> Received(string name) => _received.TryGetValue(name, out var queue) ? [.. queue] : [];

    public void FailWith(string name, int status) => _failures[name] = status;

    public void Heal(string name) => _failures.TryRemove(name, out _);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
