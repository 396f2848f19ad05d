using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using EscalationPlatform.Contracts;
using EscalationPlatform.Portal.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace EscalationPlatform.Portal.Gateway;

/// <summary>The portal's only way to the platform: the gateway, called with the signed-in person's own token (kept
/// on the server, never in the browser), so the gateway decides tenant, actor and permissions exactly as for any
/// other caller. Failures come back as <see cref="GatewayProblem"/>, never as exceptions to the page.</summary>
public sealed class GatewayClient(HttpClient http, AuthenticationStateProvider authentication)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The APIs' JSON: camelCase, kebab-case enum values, severities as support people write them ("S1").</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters =
        {
            new JsonStringEnumConverter<Severity>(namingPolicy: null, allowIntegerValues: false),
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false),
        },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<GatewayResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>A command or submission; the key makes a repeated click or a retry have one effect, and
    /// <paramref name="ifMatch"/> (the ETag read) makes it apply only to the version the person saw.</summary>
    public Task<GatewayResult<T>> PostAsync<T>(string path, object? body, string idempotencyKey, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        request.Headers.Add(IdempotencyHeader, idempotencyKey);
        IfMatch(request, ifMatch);
        return SendAsync<T>(request, cancellationToken);
    }

    /// <summary>Removes or revokes something (204 on success); with <paramref name="ifMatch"/> only the version read.</summary>
    public Task<GatewayResult<JsonElement>> DeleteAsync(string path, string idempotencyKey, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add(IdempotencyHeader, idempotencyKey);
        IfMatch(request, ifMatch);
        return SendAsync<JsonElement>(request, cancellationToken);
    }

    /// <summary>Replaces a document; with <paramref name="ifMatch"/> (the ETag it was read with) only if nobody changed it since.</summary>
    public Task<GatewayResult<T>> PutAsync<T>(string path, JsonElement body, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json) };
        IfMatch(request, ifMatch);
        return SendAsync<T>(request, cancellationToken);
    }

    private static void IfMatch(HttpRequestMessage request, string? version)
    {
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", version);
        }
    }

    private async Task<GatewayResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (PortalUser.From(user) is not { } person)
            {
                return new(default, new GatewayProblem(StatusCodes.Status401Unauthorized, "Not signed in", null, new Dictionary<string, string[]>()));
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", person.AccessToken);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                return !response.IsSuccessStatusCode ? new(default, await GatewayProblem.ReadAsync(response, cancellationToken))
                    : response.StatusCode == System.Net.HttpStatusCode.NoContent ? new(default, null)
                    : new(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null, response.Headers.ETag?.Tag);
            }
            catch (HttpRequestException failure)
            {
                return new(default, GatewayProblem.Unreachable(failure.Message));
            }
            catch (Exception timedOut) when (timedOut is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
            {
                return new(default, GatewayProblem.Unreachable("The platform did not answer in time."));
            }
            catch (JsonException)
            {
                // A success status with a body that is not the answer (a proxy's page, a truncated body): the key of a
                // command is kept (a 5xx), so sending it again is safe even if it took effect.
                return new(default, new GatewayProblem(StatusCodes.Status502BadGateway, "The platform's answer could not be read: try again in a moment.",
                    null, new Dictionary<string, string[]>()));
            }
        }
    }
}
