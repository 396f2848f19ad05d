using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using EscalationPlatform.Portal.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace EscalationPlatform.Portal.Gateway;

/// <summary>A page following the platform's changes (GET /api/v1/escalations/changes through the gateway, with the
/// person's token): the tenant's escalations, or one. <c>null</c> means "read everything again" (a resync, or the
/// connection came back after a break). It reconnects by itself until disposed, and says whether it is live. The same
/// connection says when the person's in-app feed has new entries (<see cref="FeedState"/>).</summary>
public sealed class LiveChanges(HttpClient http, AuthenticationStateProvider authentication, FeedState feed, ILogger<LiveChanges> logger) : IAsyncDisposable
{
    public const string Path = "/api/v1/escalations/changes";

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    private CancellationTokenSource? _stop;
    private Task? _running;
    private Guid? _followed;

    public bool IsLive { get; private set; }

    /// <summary>Follows the tenant (null) or one escalation; <paramref name="onChange"/> runs for each change (null:
    /// read everything again), <paramref name="onLiveChanged"/> when the connection comes or goes. Following another
    /// escalation ends the stream of the one before.</summary>
    public async Task FollowAsync(Guid? escalationId, Func<Guid?, Task> onChange, Func<Task> onLiveChanged)
    {
        if (_running is not null && _followed == escalationId)
        {
            return;
        }

        await StopAsync();
        _followed = escalationId;
        _stop = new CancellationTokenSource();
        _running = RunAsync(escalationId, onChange, onLiveChanged, _stop.Token);
    }

    private async Task RunAsync(Guid? escalationId, Func<Guid?, Task> onChange, Func<Task> onLiveChanged, CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(escalationId, onChange, onLiveChanged, stop);
                failures = 0; // the stream ended normally (its lifetime): reconnect at once
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is HttpRequestException or IOException or JsonException or InvalidOperationException)
            {
                logger.LogInformation("Live changes interrupted ({Reason}); reconnecting", failure.Message);
                failures++;
            }

            if (IsLive)
            {
                IsLive = false;
                await onLiveChanged();
            }

            await Task.Delay(failures == 0 ? TimeSpan.Zero : Backoff[Math.Min(failures, Backoff.Length) - 1], stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ReadAsync(Guid? escalationId, Func<Guid?, Task> onChange, Func<Task> onLiveChanged, CancellationToken stop)
    {
        var user = PortalUser.From((await authentication.GetAuthenticationStateAsync()).User)
            ?? throw new InvalidOperationException("not signed in");
        using var request = new HttpRequestMessage(HttpMethod.Get, escalationId is { } id ? $"{Path}?escalationId={id}" : Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the gateway answered {(int)response.StatusCode}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(stop);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(stop))
        {
            switch (item.EventType)
            {
                case "ready":
                    IsLive = true;
                    await onLiveChanged();
                    await onChange(null); // anything that changed before following began
                    break;
                case "changed":
                    await onChange(JsonDocument.Parse(item.Data).RootElement.GetProperty("id").GetGuid());
                    break;
                case "resync":
                    await onChange(null);
                    break;
                case "feed":
                    await feed.RefreshAsync(); // the person's in-app feed has new entries
                    break;
            }
        }
    }

    private async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _running!.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _stop = null;
        _running = null;
        IsLive = false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
