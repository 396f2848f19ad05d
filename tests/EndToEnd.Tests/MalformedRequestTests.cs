using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EscalationPlatform.Contracts.Escalation.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EndToEnd.Tests;

/// <summary>A corpus of malformed requests across every endpoint that takes input: broken JSON, wrong types, huge
/// strings, unknown enum values, nulls, negative numbers, deep nesting, invalid UTF-8, missing or wrong headers,
/// bad query strings, bodies over the limits sent without a length. Every answer is a 4xx with problem details, none a
/// 5xx, none names a .NET type, and nothing is stored.</summary>
public sealed class MalformedRequestTests(PlatformFixture platform)
{
    /// <summary>A request; <paramref name="Field"/> is the field the answer must name, <paramref name="Status"/> the
    /// status it must have, <paramref name="Chunked"/> sends the body without a Content-Length.</summary>
    private sealed record Case(string Name, HttpMethod Method, string Path, byte[]? Body, string? ContentType, Action<HttpRequestMessage>? Headers = null,
        string? Field = null, int? Status = null, bool Chunked = false)
    {
        public override string ToString() => $"{Method} {Path} [{Name}]";
    }

    private static readonly (string Name, byte[] Body, string? ContentType)[] Bodies =
    [
        ("broken JSON", Utf8("{"), "application/json"),
        ("broken array", Utf8("[1,2"), "application/json"),
        ("array root", Utf8("[]"), "application/json"),
        ("null root", Utf8("null"), "application/json"),
        ("string root", Utf8("\"text\""), "application/json"),
        ("number root", Utf8("12"), "application/json"),
        ("empty body", [], "application/json"),
        ("unknown field", Utf8("""{"bogus":true}"""), "application/json"),
        ("wrong types", Utf8("""{"title":123,"issueType":5,"customer":"acme","url":false,"reason":[],"message":{},"description":7,"rules":"x","targets":7,"acknowledgementWindows":"x","name":1,"kind":2,"summary":3,"scopes":"all","version":4,"event_action":9,"routing_key":1,"groupKey":[]}"""), "application/json"),
        ("unknown enum values", Utf8("""{"issueType":"quantum","kind":"magic","scopes":["root"],"events":["all"],"event_action":"explode","status":"melting","version":"9","customer":{"tier":"platinum"}}"""), "application/json"),
        ("nulls", Utf8("""{"title":null,"issueType":null,"customer":null,"url":null,"reason":null,"message":null,"description":null,"rules":null,"targets":null,"acknowledgementWindows":null,"name":null,"kind":null,"summary":null,"event_action":null,"version":null}"""), "application/json"),
        ("negative numbers", Utf8("""{"impact":{"affectedCount":-5},"rateLimitPerMinute":-1,"acknowledgementWindows":{"S1":"-00:00:05"},"truncatedAlerts":-3}"""), "application/json"),
        ("huge string", Utf8($$"""{"title":"{{new string('x', 2_000_000)}}"}"""), "application/json"),
        ("deep nesting", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)), "application/json"),
        ("invalid UTF-8", [.. Utf8("{\"title\":\""), 0xFF, 0xFE, 0xFD, .. Utf8("\"}")], "application/json"),
        ("text/plain", Utf8("""{"title":"plain"}"""), "text/plain"),
        ("number overflow", Utf8("""{"impact":{"affectedCount":1e400},"rateLimitPerMinute":99999999999999999999}"""), "application/json"),
        ("huge array", Utf8($$"""{"tags":[{{string.Join(',', Enumerable.Repeat("\"t\"", 10_000))}}],"scopes":[{{string.Join(',', Enumerable.Repeat("\"x\"", 10_000))}}]}"""), "application/json"),
        ("control characters", Utf8("""{"title":"a\u0000b","name":"\u0001","url":"http://\u0007","reason":"\u0000","bogus":0}"""), "application/json"),
        ("duplicate properties", Utf8("""{"title":"a","title":"b","bogus":1}"""), "application/json"),
    ];

    private static readonly (HttpMethod Method, string Path)[] Targets =
    [
        (HttpMethod.Post, "/api/v1/escalations"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/context"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/actions"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/customer-updates"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/wait-on-customer"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/resolve"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/reopen"),
        (HttpMethod.Post, "/api/v1/escalations/{id}/cancel"),
        (HttpMethod.Post, "/api/v1/triage/preview"),
        (HttpMethod.Put, "/api/v1/triage/matrix"),
        (HttpMethod.Put, "/api/v1/routing/escalation-policy"),
        (HttpMethod.Put, "/api/v1/sla/policy"),
        (HttpMethod.Post, "/api/v1/notifications/webhooks"),
        (HttpMethod.Post, "/api/v1/admin/api-keys"),
        (HttpMethod.Post, "/api/v1/integrations/alertmanager"),
        (HttpMethod.Post, "/v2/enqueue"),
    ];

    private static readonly string[] BadQueries =
    [
        "/api/v1/escalations?limit=-1", "/api/v1/escalations?limit=abc", "/api/v1/escalations?limit=1000", "/api/v1/escalations?status=melting",
        "/api/v1/escalations?severity=S9", "/api/v1/escalations?issueType=x", "/api/v1/escalations?breached=maybe", "/api/v1/escalations?cursor=%21%21%21",
        $"/api/v1/escalations?team={new string('t', 300)}", "/api/v1/escalations/not-an-id", "/api/v1/notifications?escalationId=not-a-guid",
        "/api/v1/notifications?status=lost", "/api/v1/notifications?limit=0", "/api/v1/notifications?channel=fax",
        "/api/v1/escalations/ops/error-queues/x/messages?limit=0", "/api/v1/routing/escalations/not-an-id/ownership",
        "/api/v1/sla/escalations/not-an-id/clocks",
    ];

    [Fact]
    public async Task Every_malformed_request_gets_a_4xx_with_problem_details_and_nothing_is_stored()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var api = platform.Escalations(Tenants.Malformed);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned" && r.Timeline("offered").Any(), "assigned");
        var alertmanager = await Credentials.ApiKeyAsync(platform, Tenants.Malformed, ["integrations:alertmanager"], customerId: "acme");
        var before = await SnapshotAsync(api, id);

        var cases = Corpus(id).ToList();
        Assert.True(cases.Count >= 300, $"the corpus has {cases.Count} requests");
        var token = await platform.TokenAsync(Tenants.Malformed);
        using var gateway = platform.CreateClient("gateway");
        var failures = new List<string>();
        foreach (var @case in cases)
        {
            using var request = new HttpRequestMessage(@case.Method, @case.Path);
            if (@case.Path.StartsWith("/api/v1/integrations", StringComparison.Ordinal))
            {
                request.Headers.Add("X-Api-Key", alertmanager.Key);
            }
            else if (!@case.Path.StartsWith("/v2/", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (@case.Body is not null)
            {
                request.Content = @case.Chunked ? new ChunkedContent(@case.Body) : new ByteArrayContent(@case.Body);
                if (@case.ContentType is not null)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(@case.ContentType);
                }
            }

            @case.Headers?.Invoke(request);
            HttpResponseMessage response;
            try
            {
                response = await gateway.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException error)
            {
                failures.Add($"{@case}: no answer ({error.Message})");
                continue;
            }

            using var _ = response;
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || (@case.Status is { } expected && status != expected)
                || (@case.Field is { } field && !text.Contains($"\"{field}\"", StringComparison.Ordinal))
                || LeaksTypeName(text))
            {
                failures.Add($"{@case}: {status} {response.Content.Headers.ContentType?.MediaType} {Shorten(text)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(api, id));
    }

    [Fact]
    public async Task Malformed_grpc_submissions_are_InvalidArgument_and_store_nothing()
    {
        using var api = platform.Escalations(Tenants.Malformed);
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"));
        var client = new Escalations.EscalationsClient(channel);
        var options = new CallOptions(new Metadata { { "authorization", $"Bearer {await platform.TokenAsync(Tenants.Malformed)}" } },
            DateTime.UtcNow.AddSeconds(20), TestContext.Current.CancellationToken);
        var count = (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100")).GetProperty("items").GetArrayLength();

        foreach (var (name, body, _) in Bodies.Where(body => body.Name is not ("huge string" or "invalid UTF-8" or "huge array")))
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
                await client.SubmitAsync(new SubmitRequest { EscalationJson = Encoding.UTF8.GetString(body) }, options));
            Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{name}: {error.Status}");
            Assert.False(LeaksTypeName(error.Status.Detail), $"{name}: {error.Status.Detail}");
        }

        Assert.Equal(count, (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_oversized_grpc_submission_is_ResourceExhausted_through_the_gateway()
    {
        using var channel = GrpcChannel.ForAddress(platform.Endpoint("gateway", "grpc"));
        var client = new Escalations.EscalationsClient(channel);
        var options = new CallOptions(new Metadata { { "authorization", $"Bearer {await platform.TokenAsync(Tenants.Malformed)}" } },
            DateTime.UtcNow.AddSeconds(20), TestContext.Current.CancellationToken);

        foreach (var size in new[] { 1024 * 1024 + 100, 3 * 1024 * 1024 })
        {
            var json = $$"""{"title":"{{new string('x', size)}}"}""";
            var error = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitAsync(new SubmitRequest { EscalationJson = json }, options));

            Assert.True(error.StatusCode == StatusCode.ResourceExhausted, $"{size} bytes: {error.Status}");
            Assert.False(LeaksTypeName(error.Status.Detail), error.Status.Detail);
        }
    }

    private static IEnumerable<Case> Corpus(Guid id)
    {
        foreach (var (method, template) in Targets)
        {
            var path = template.Replace("{id}", id.ToString(), StringComparison.Ordinal);
            foreach (var (name, body, contentType) in Bodies)
            {
                yield return new(name, method, path, body, contentType);
            }
        }

        foreach (var query in BadQueries)
        {
            yield return new("bad query", HttpMethod.Get, query, null, null);
        }

        var valid = Utf8(JsonSerializer.Serialize(Cases.TeamProblem()));
        yield return new("idempotency key too long", HttpMethod.Post, "/api/v1/escalations", valid, "application/json",
            request => request.Headers.Add("Idempotency-Key", new string('k', 300)));
        yield return new("stale If-Match", HttpMethod.Post, $"/api/v1/escalations/{id}/cancel", Utf8("""{"reason":"r"}"""), "application/json",
            request => request.Headers.TryAddWithoutValidation("If-Match", "\"0\""));
        yield return new("garbage If-Match", HttpMethod.Post, $"/api/v1/escalations/{id}/cancel", Utf8("""{"reason":"r"}"""), "application/json",
            request => request.Headers.TryAddWithoutValidation("If-Match", "garbage"));
        yield return new("bearer without a token", HttpMethod.Get, "/api/v1/escalations", null, null,
            request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer"));
        yield return new("unknown auth scheme", HttpMethod.Get, "/api/v1/escalations", null, null,
            request => request.Headers.TryAddWithoutValidation("Authorization", "Negotiate abc"));
        yield return new("no content type", HttpMethod.Post, "/api/v1/escalations", valid, null);

        foreach (var hostile in Hostile())
        {
            yield return hostile;
        }
    }

    /// <summary>Requests each aimed at one check: the answer names the field (or has the status) that check owns.</summary>
    private static IEnumerable<Case> Hostile()
    {
        const string alertmanager = "/api/v1/integrations/alertmanager";
        const string group = "\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\"";
        yield return new("null alert", HttpMethod.Post, alertmanager, Utf8("{" + group + ""","alerts":[null]}"""), "application/json", Field: "alerts[0]");
        yield return new("null label value", HttpMethod.Post, alertmanager,
            Utf8("{" + group + ""","alerts":[{"status":"firing","labels":{"alertname":null}}]}"""), "application/json", Field: "alerts[0].labels.alertname");
        yield return new("null annotation value", HttpMethod.Post, alertmanager,
            Utf8("{" + group + ""","commonAnnotations":{"summary":null},"alerts":[{"status":"firing","annotations":{"summary":null}}]}"""), "application/json",
            Field: "alerts[0].annotations.summary");

        yield return new("chunked event over 512 KB", HttpMethod.Post, "/v2/enqueue",
            Utf8($$"""{"routing_key":"{{new string('k', 32)}}","pad":"{{new string('x', 600 * 1024)}}"}"""), "application/json", Status: 413, Chunked: true);
        yield return new("chunked body over 1 MB", HttpMethod.Post, "/api/v1/escalations",
            Utf8($$"""{"title":"{{new string('x', 1_200_000)}}"}"""), "application/json", Status: 413, Chunked: true);
        yield return new("chunked policy over 1 MB", HttpMethod.Put, "/api/v1/sla/policy",
            Utf8($$"""{"holidays":["{{new string('x', 1_200_000)}}"]}"""), "application/json", Status: 413, Chunked: true);

        const string sla = "/api/v1/sla/policy";
        static byte[] Calendar(string hours) => Utf8($$"""{"calendars":[{"id":"office","kind":"business-hours","hours":{{hours}}}]}""");
        yield return new("no open day", HttpMethod.Put, sla, Calendar("{}"), "application/json", Field: "calendars[0].hours");
        yield return new("unknown day", HttpMethod.Put, sla, Calendar("""{"funday":["09:00","17:00"]}"""), "application/json", Field: "calendars[0].hours.funday");
        yield return new("day twice", HttpMethod.Put, sla, Calendar("""{"monday":["09:00","17:00"],"Monday":["10:00","12:00"]}"""), "application/json",
            Field: "calendars[0].hours.Monday");
        yield return new("day twice, same spelling", HttpMethod.Put, sla, Calendar("""{"monday":["09:00","17:00"],"monday":["10:00","12:00"]}"""),
            "application/json");
        yield return new("opens when it closes", HttpMethod.Put, sla, Calendar("""{"monday":["09:00","09:00"]}"""), "application/json",
            Field: "calendars[0].hours.monday");
        yield return new("closes at 24:00", HttpMethod.Put, sla, Calendar("""{"monday":["09:00","24:00"]}"""), "application/json");
        yield return new("hours as a number", HttpMethod.Put, sla, Calendar("""{"monday":5}"""), "application/json", Field: "calendars[0].hours.monday");

        const string submit = "/api/v1/escalations";
        yield return new("integer enum", HttpMethod.Post, submit, Utf8("""{"issueType":5}"""), "application/json", Field: "issueType");
        yield return new("javascript link", HttpMethod.Post, submit, Submission("context", "logLinks", """["javascript:alert(document.cookie)"]"""), "application/json",
            Field: "context.logLinks[0]");
        yield return new("data link", HttpMethod.Post, submit, Submission("context", "screenshotLinks", """["data:text/html,<script>alert(1)</script>"]"""),
            "application/json", Field: "context.screenshotLinks[0]");
        yield return new("file link", HttpMethod.Post, submit, Submission("context", "logLinks", """["file:///etc/passwd"]"""), "application/json",
            Field: "context.logLinks[0]");
        yield return new("deadline in 1900", HttpMethod.Post, submit, Submission("urgency", "deadline", "\"1900-01-01T00:00:00Z\""), "application/json",
            Field: "urgency.deadline");
        yield return new("deadline in 3000", HttpMethod.Post, submit, Submission("urgency", "deadline", "\"3000-01-01T00:00:00Z\""), "application/json",
            Field: "urgency.deadline");
        yield return new("first seen in the future", HttpMethod.Post, submit,
            Submission("context", "firstSeenAt", $"\"{DateTimeOffset.UtcNow.AddDays(1):O}\""), "application/json", Field: "context.firstSeenAt");
        yield return new("detected in 1900", HttpMethod.Post, submit, Submission("context", "detectedAt", "\"1900-01-01T00:00:00Z\""), "application/json",
            Field: "context.detectedAt");
        yield return new("triage preview with a javascript link", HttpMethod.Post, "/api/v1/triage/preview",
            Submission("context", "logLinks", """["javascript:alert(1)"]""", withTitle: false), "application/json", Field: "context.logLinks[0]");
    }

    /// <summary>A valid submission with one part's field replaced by raw JSON.</summary>
    private static byte[] Submission(string part, string field, string json, bool withTitle = true)
    {
        var submission = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Cases.TeamProblem()))!.AsObject();
        submission[part]![field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        if (!withTitle)
        {
            submission.Remove("title");
        }

        return Utf8(submission.ToJsonString());
    }

    /// <summary>What the corpus could have changed, if anything got through.</summary>
    private static async Task<string> SnapshotAsync(EscalationsClient api, Guid id)
    {
        var escalations = await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100");
        var record = await api.GetAsync(id);
        var parts = new[]
        {
            $"escalations={escalations.GetProperty("items").GetArrayLength()}",
            $"status={record.Status()}",
            $"timeline={record.GetProperty("timeline").GetArrayLength()}",
            $"webhooks={(await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/webhooks")).GetArrayLength()}",
            $"keys={(await api.JsonAsync(HttpMethod.Get, "/api/v1/admin/api-keys")).GetArrayLength()}",
            $"matrix={(await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/matrix")).GetProperty("version")}",
            $"sla={await api.JsonAsync(HttpMethod.Get, "/api/v1/sla/policy")}",
            $"routing={await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policy")}",
        };
        return string.Join("\n", parts);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300];

    /// <summary>"could not be converted to System.Nullable`1[EscalationPlatform.Contracts.IssueType]" tells an
    /// attacker about the implementation and a client nothing it can use.</summary>
    private static bool LeaksTypeName(string text) =>
        text.Contains("System.", StringComparison.Ordinal) || text.Contains("`1[", StringComparison.Ordinal)
        || text.Contains("EscalationPlatform.", StringComparison.Ordinal);

    /// <summary>A body sent chunked: no Content-Length, so only reading it finds out how large it is.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
