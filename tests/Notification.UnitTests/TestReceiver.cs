using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Notification.UnitTests;

/// <summary>A real HTTP server on 127.0.0.1 that records the paths it is called at and the webhook-id of each call:
/// /ok answers 204, /status/{code} that status, /redirect a 302 to /ok.</summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, string WebhookId)> _calls = new();
    private readonly WebApplication _app;

    private TestReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // nothing from the test folder (the service's appsettings.json)
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            _calls.Enqueue((context.Request.Path.ToString(), context.Request.Headers["webhook-id"].ToString()));
            return next(context);
        });
        _app.MapPost("/ok", () => Results.NoContent());
        _app.MapPost("/status/{code:int}", (int code) => Results.StatusCode(code));
        _app.MapPost("/redirect", () => Results.Redirect("/ok"));
    }

    public int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    public IReadOnlyList<string> Calls => [.. _calls.Select(call => call.Path)];

    /// <summary>The webhook-id header of each call, in the order of <see cref="Calls"/> ("" where there was none).</summary>
    public IReadOnlyList<string> WebhookIds => [.. _calls.Select(call => call.WebhookId)];

    public static async Task<TestReceiver> StartAsync()
    {
        var receiver = new TestReceiver();
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
