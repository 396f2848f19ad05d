using System.Text.Json.Nodes;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>SLA clocks driven by the durable scheduler, on a tenant whose policy counts in seconds.</summary>
public sealed class SlaTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_second_scale_policy_warns_and_then_breaches_and_emails_each()
    {
        using var api = platform.Escalations(Tenants.FastClocks);
        using var mail = platform.Mail();
        await api.PublishAsync("/api/v1/sla/policy", policy =>
        {
            foreach (var severity in new[] { "S1", "S2", "S3", "S4" })
            {
                policy["targets"]![severity] = JsonNode.Parse("""
                    {
                      "firstResponse": { "duration": "00:00:04", "calendar": "always-open" },
                      "customerUpdate": { "duration": "00:10:00", "calendar": "always-open" },
                      "resolution": { "duration": "01:00:00", "calendar": "always-open" }
                    }
                    """);
            }

            policy["tierTargets"] = new JsonObject();
            policy["warningPercents"] = new JsonArray(50);
        }, "seconds, so that a test sees warnings and breaches");
        var id = await api.SubmitAsync(Cases.TeamProblem());

        var breached = await api.WaitForAsync(id, r => r.Timeline("sla-breached").Any(), "the first response breach", TimeSpan.FromSeconds(20));
        var warning = Assert.Single(breached.Timeline("sla-warning"));
        Assert.Contains("first-response: 50%", warning.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("first-response", Assert.Single(breached.Timeline("sla-breached")).Text("detail"), StringComparison.Ordinal);
        Assert.True(breached.GetProperty("breached").GetBoolean());
        Assert.Equal("breached", breached.Clock("first-response").Text("state"));

        var owner = $"{breached.PersonId("owner")}@{Tenants.FastClocks}.example";
        var key = breached.GetProperty("key").GetString()!;
        await Eventually.ReachesAsync(() => mail.ToAsync(owner, $"[{key}] SLA warning: first response 50% elapsed"), messages => messages.Count == 1,
            EscalationsClient.PipelineTimeout, "the warning email");
        await Eventually.ReachesAsync(() => mail.ToAsync(owner, $"[{key}] SLA breached: first response"), messages => messages.Count == 1,
            EscalationsClient.PipelineTimeout, "the breach email");
    }

    [Fact]
    public async Task A_policy_with_an_impossible_target_is_refused_naming_the_field()
    {
        using var api = platform.Escalations(Tenants.FastClocks);

        using var response = await api.SendAsync(HttpMethod.Put, "/api/v1/sla/policy", new
        {
            targets = new Dictionary<string, object>
            {
                ["S2"] = new
                {
                    firstResponse = new { duration = "-00:00:01", calendar = "always-open" },
                    resolution = new { duration = "01:00:00", calendar = "always-open" },
                },
            },
        });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("targets.S2.firstResponse.duration", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
