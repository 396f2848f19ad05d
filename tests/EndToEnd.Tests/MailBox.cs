using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

public sealed record MailMessage(string Id, IReadOnlyList<string> To, string Subject);

/// <summary>What the development mail server (smtp4dev) received, read over its HTTP API.</summary>
public sealed class MailBox(HttpClient mail) : IDisposable
{
    public async Task<IReadOnlyList<MailMessage>> ListAsync()
    {
        var page = await mail.GetFromJsonAsync<JsonElement>("/api/messages?page=1&pageSize=5000", TestContext.Current.CancellationToken);
        var results = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
        return [.. results.EnumerateArray().Select(message => new MailMessage(
            message.GetProperty("id").ToString(),
            message.GetProperty("to") is { ValueKind: JsonValueKind.Array } to ? [.. to.EnumerateArray().Select(address => address.GetString()!)] : [message.GetProperty("to").GetString()!],
            message.GetProperty("subject").GetString() ?? ""))];
    }

    public async Task<IReadOnlyList<MailMessage>> ToAsync(string recipient, string subjectContains) =>
        [.. (await ListAsync()).Where(message =>
            message.To.Any(to => to.Contains(recipient, StringComparison.OrdinalIgnoreCase)) && message.Subject.Contains(subjectContains, StringComparison.Ordinal))];

    public Task<string> BodyAsync(string id) => mail.GetStringAsync($"/api/messages/{id}/plaintext", TestContext.Current.CancellationToken);

    public Task<string> HtmlAsync(string id) => mail.GetStringAsync($"/api/messages/{id}/html", TestContext.Current.CancellationToken);

    public void Dispose() => mail.Dispose();
}
