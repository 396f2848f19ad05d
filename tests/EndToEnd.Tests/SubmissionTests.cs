using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>Submitting: Idempotency-Key semantics, validation, and the queue view.</summary>
public sealed class SubmissionTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_same_idempotency_key_submitted_twenty_times_at_once_creates_one_escalation()
    {
        using var api = platform.Escalations(Tenants.Idempotency);
        var body = JsonSerializer.Serialize(Cases.TeamProblem("soylent"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await api.SendAsync(HttpMethod.Post, "/api/v1/escalations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                idempotencyKey: "partner-ticket-4711");
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken),
                Location: response.Headers.Location?.ToString());
        }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Accepted, response.StatusCode));
        var ids = responses.Select(response => response.Body.GetProperty("id").GetGuid()).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.All(responses, response => Assert.Equal($"/api/v1/escalations/{id}", response.Location));
        var queue = await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?customer=soylent");
        Assert.Equal(id, Assert.Single(queue.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused_with_422()
    {
        using var api = platform.Escalations(Tenants.Idempotency);
        await api.SendAsync(HttpMethod.Post, "/api/v1/escalations", Cases.TeamProblem(), idempotencyKey: "ticket-1");

        using var reused = await api.SendAsync(HttpMethod.Post, "/api/v1/escalations", Cases.SecurityIncident(), idempotencyKey: "ticket-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_invalid_submission_lists_every_bad_field_and_stores_nothing()
    {
        using var api = platform.Escalations(Tenants.Idempotency);

        using var response = await api.SendAsync(HttpMethod.Post, "/api/v1/escalations", new
        {
            title = new string('x', 201),
            customer = new { id = "someone-new", timeZone = "Mars/Olympus", contactEmail = "not-an-address" },
            impact = new { affectedCount = -1 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(field => field.Name).ToList();
        Assert.Superset(new HashSet<string> { "title", "issueType", "customer.name", "customer.tier", "customer.timeZone", "customer.contactEmail", "impact.affectedCount" },
            fields.ToHashSet());
        var queue = await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?customer=someone-new");
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_queue_filters_and_pages_and_says_who_owns_each_case()
    {
        using var api = platform.Escalations(Tenants.Queue);
        var submitted = new List<Guid>();
        for (var index = 0; index < 3; index++)
        {
            submitted.Add(await api.SubmitAsync(Cases.TeamProblem("hooli")));
        }

        var security = await api.SubmitAsync(Cases.SecurityIncident("hooli"));
        foreach (var id in submitted.Append(security))
        {
            await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        }

        var first = await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?status=assigned&severity=S3&customer=hooli&limit=2");
        var second = await api.JsonAsync(HttpMethod.Get, $"/api/v1/escalations?status=assigned&severity=S3&customer=hooli&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();

        Assert.Equal(submitted.OrderDescending(), paged.Select(item => item.GetProperty("id").GetGuid()));
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.All(paged, item => Assert.Equal("technical-support", item.GetProperty("team").GetProperty("id").GetString()));
        Assert.All(paged, item => Assert.NotNull(item.PersonId("owner")));
        Assert.All(paged, item => Assert.True(item.TryGetProperty("nextCustomerUpdateDue", out _)));
        var bySecurity = await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?issueType=security&team=security-response");
        Assert.Equal(security, Assert.Single(bySecurity.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());

        using var badFilter = await api.SendAsync(HttpMethod.Get, "/api/v1/escalations?status=lost&severity=S9&cursor=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var errors = (await badFilter.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["cursor", "severity", "status"], errors.EnumerateObject().Select(field => field.Name).Order());
    }

    [Fact]
    public async Task The_queue_narrows_to_customer_tiers_and_to_the_cases_whose_next_action_falls_due_by_a_time()
    {
        using var api = platform.Escalations(Tenants.Queue);
        var id = await api.SubmitAsync(Cases.TeamProblem("initech"));
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var due = record.GetProperty("nextAction").GetProperty("dueAt").GetDateTimeOffset();

        async Task<IReadOnlyList<Guid>> QueueAsync(string filters) =>
            [.. (await api.JsonAsync(HttpMethod.Get, $"/api/v1/escalations?customer=initech&{filters}")).GetProperty("items").EnumerateArray()
                .Select(item => item.GetProperty("id").GetGuid())];

        Assert.Contains(id, await QueueAsync("tier=strategic,standard"));
        Assert.DoesNotContain(id, await QueueAsync("tier=premium"));
        Assert.Contains(id, await QueueAsync($"dueBefore={Uri.EscapeDataString(due.ToString("O"))}"));
        Assert.DoesNotContain(id, await QueueAsync($"dueBefore={Uri.EscapeDataString(due.AddSeconds(-1).ToString("O"))}"));

        using var badFilter = await api.SendAsync(HttpMethod.Get, "/api/v1/escalations?tier=gold&dueBefore=tomorrow");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        var errors = (await badFilter.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["dueBefore", "tier"], errors.EnumerateObject().Select(field => field.Name).Order());
        Assert.Contains("ISO 8601", errors.GetProperty("dueBefore")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenants_escalation_is_not_found()
    {
        using var owner = platform.Escalations(Tenants.Queue);
        using var stranger = platform.Escalations(Tenants.Idempotency);
        var id = await owner.SubmitAsync(Cases.TeamProblem());

        using var response = await stranger.SendAsync(HttpMethod.Get, $"/api/v1/escalations/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
