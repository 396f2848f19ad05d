using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Harness.Faults;

namespace Faults.Tests;

/// <summary>Intake killed with SIGKILL in the middle of a steady load and started again (<see cref="FaultUnderLoad"/>):
/// nothing lost or duplicated, and the gateway's answers while it is down say how to retry safely.</summary>
[Collection(nameof(ClusterPlatform))]
public sealed class FaultHarnessTests(ClusterPlatform fixture)
{
    public const string Tenant = "faults";

    [Fact]
    public async Task Killing_intake_under_load_loses_nothing_and_duplicates_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var platform = fixture.Platform;
        using var plainClient = new HttpClient { BaseAddress = platform.Endpoint("gateway") }; // no resilience handler: the gateway's own answer
        plainClient.DefaultRequestHeaders.Authorization = new("Bearer", await platform.TokenAsync(Tenant));
        HttpResponseMessage? read = null, write = null;

        await FaultUnderLoad.AuditAsync(platform, Tenant, () => new FaultInjector(platform).KillServiceAsync("intake-api", "Intake.Api", cancellationToken,
            whileDown: async () =>
            {
                read = await plainClient.GetAsync("/api/v1/escalations?limit=1", cancellationToken);
                write = await plainClient.PostAsJsonAsync("/api/v1/escalations", new { title = "probe" }, cancellationToken);
            }), cancellationToken);

        // The app host's proxy in front of the dead intake either holds a request until the gateway's request timeout
        // (5 s here: 504) or drops its connection (502), depending on how far the kill has gone. Neither tells whether a
        // write arrived, so both answers say how to retry safely.
        using (read)
        using (write)
        {
            await AssertProblemAsync(read!, cancellationToken);
            await AssertProblemAsync(write!, cancellationToken);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.True(answer.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout, $"{(int)answer.StatusCode}: {problem}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("same Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
