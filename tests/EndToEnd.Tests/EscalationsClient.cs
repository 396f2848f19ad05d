using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>The platform's REST API through the gateway, as a partner or portal would call it, for one tenant.</summary>
public sealed class EscalationsClient(HttpClient gateway, PlatformFixture platform, string tenant) : IDisposable
{
    public static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(10);

    public string Tenant => tenant;

    /// <summary>Sends as the tenant's admin, or (naming an <paramref name="actor"/>) as that person with the agent role.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? actor = null, string? idempotencyKey = null,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        var token = actor is null ? await platform.TokenAsync(tenant) : await platform.TokenAsync(tenant, actor, "agent");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return await gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, object? body = null, string? actor = null)
    {
        using var response = await SendAsync(method, path, body, actor);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode
            ? json
            : throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {json}");
    }

    /// <summary>Publishes a configuration document (the matrix, the checklists, the SLA policy) as a person editing it
    /// would: reads the version in force, edits it, and sends it back with If-Match and a reason. Returns the new version.</summary>
    public async Task<JsonElement> PublishAsync(string path, Action<JsonObject> edit, string reason = "changed by a test")
    {
        using var read = await SendAsync(HttpMethod.Get, path);
        var document = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        edit(document);
        document["reason"] = reason;
        using var response = await SendAsync(HttpMethod.Put, path, document, ifMatch: read.Headers.ETag!.Tag);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? json : throw new HttpRequestException($"PUT {path} answered {(int)response.StatusCode}: {json}");
    }

    public async Task<Guid> SubmitAsync(object escalation)
    {
        var accepted = await JsonAsync(HttpMethod.Post, "/api/v1/escalations", escalation);
        return accepted.GetProperty("id").GetGuid();
    }

    public Task<JsonElement> GetAsync(Guid id) => JsonAsync(HttpMethod.Get, $"/api/v1/escalations/{id}");

    public Task<HttpResponseMessage> CommandAsync(Guid id, string command, object? body = null, string? actor = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/escalations/{id}/{command}", body, actor);

    /// <summary>Runs a command that must succeed.</summary>
    public Task<JsonElement> DoAsync(Guid id, string command, object? body = null, string? actor = null) =>
        JsonAsync(HttpMethod.Post, $"/api/v1/escalations/{id}/{command}", body, actor);

    public Task<JsonElement> WaitForAsync(Guid id, Func<JsonElement, bool> until, string what, TimeSpan? timeout = null) =>
        Eventually.ReachesAsync(() => GetAsync(id), until, timeout ?? PipelineTimeout, what, TimeSpan.FromMilliseconds(100));

    public void Dispose() => gateway.Dispose();
}

/// <summary>Reading the record's JSON.</summary>
public static class Record
{
    public static string Status(this JsonElement record) => record.GetProperty("status").GetString()!;

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static string? PersonId(this JsonElement record, string role) =>
        record.TryGetProperty(role, out var person) && person.ValueKind == JsonValueKind.Object ? person.GetProperty("id").GetString() : null;

    /// <summary>A clock of a record (its "sla"), or of the detailed clock view (GET .../clocks).</summary>
    public static JsonElement Clock(this JsonElement recordOrClocks, string kind) =>
        (recordOrClocks.TryGetProperty("sla", out var sla) ? sla : recordOrClocks).GetProperty("clocks").EnumerateArray()
            .Single(clock => clock.GetProperty("kind").GetString() == kind);

    public static IEnumerable<JsonElement> Timeline(this JsonElement record, string what) =>
        record.GetProperty("timeline").EnumerateArray().Where(entry => entry.GetProperty("what").GetString() == what);
}
