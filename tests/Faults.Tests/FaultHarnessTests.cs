using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EscalationPlatform.Harness.Faults;
using EscalationPlatform.Harness.Load;

namespace Faults.Tests;

/// <summary>A short steady load through the gateway, intake killed with SIGKILL in the middle of it and started
/// again: once the platform is quiet, every escalation that was accepted exists once, is owned and on the clock
/// (or waits for its facts), took each step once, and its notifications went out once.</summary>
[Collection(nameof(ClusterPlatform))]
public sealed class FaultHarnessTests(ClusterPlatform fixture)
{
    public const string Tenant = "faults";

    [Fact]
    public async Task Killing_intake_under_load_loses_nothing_and_duplicates_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var platform = fixture.Platform;
        var token = await platform.TokenAsync(Tenant, "load", "agent");
        using var load = new LoadDriver(platform.Endpoint("gateway"), token, new CaseMix($"ci-{Guid.NewGuid():N}"[..11]));

        using var gateway = await platform.GatewayAsAsync(Tenant);
        var running = load.RunAtRateAsync(perSecond: 8, TimeSpan.FromSeconds(24), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        using var plainClient = new HttpClient { BaseAddress = platform.Endpoint("gateway") }; // no resilience handler: the gateway's own answer
        plainClient.DefaultRequestHeaders.Authorization = gateway.DefaultRequestHeaders.Authorization;
        HttpResponseMessage? read = null, write = null;
        await new FaultInjector(platform).KillServiceAsync("intake-api", "Intake.Api", cancellationToken, whileDown: async () =>
        {
            read = await plainClient.GetAsync("/api/v1/escalations?limit=1", cancellationToken);
            write = await plainClient.PostAsJsonAsync("/api/v1/escalations", new { title = "probe" }, cancellationToken);
        });
        await running;

        // The app host's proxy in front of the dead intake either holds a request until the gateway's request timeout
        // (5 s here: 504) or drops its connection (502), depending on how far the kill has gone. Neither tells whether a
        // write arrived, so both answers say how to retry safely.
        using (read)
        using (write)
        {
            await AssertProblemAsync(read!, cancellationToken);
            await AssertProblemAsync(write!, cancellationToken);
        }

        using var mail = platform.CreateClient("mail");
        var audit = await new PipelineAudit(gateway, mail).RunAsync(load.Results, TimeSpan.FromMinutes(2), cancellationToken);

        Assert.True(audit.Accepted > 100, $"only {audit.Accepted} submissions were accepted");
        Assert.True(audit.Clean, string.Join("\n", audit.Findings));
        Assert.Equal((0, 0, 0), (audit.Lost, audit.Duplicated, audit.Stuck));
        Assert.True(audit.SubmissionToOwned.Count > 0);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.True(answer.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout, $"{(int)answer.StatusCode}: {problem}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("same Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
