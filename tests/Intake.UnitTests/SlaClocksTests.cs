using EscalationPlatform.Contracts.Sla.V1;
using EscalationPlatform.Web.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Intake.Api.Views;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intake.UnitTests;

/// <summary>The detailed clock view asks sla over gRPC; an sla that does not answer degrades it, never fails it.</summary>
public sealed class SlaClocksTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private sealed class Answering(Func<GetStatusResponse> answer) : Sla.SlaClient
    {
        public override AsyncUnaryCall<GetStatusResponse> GetStatusAsync(GetStatusRequest request, CallOptions options) =>
            new(Task.Run(answer), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private static SlaClocks Clocks(Func<GetStatusResponse> answer) =>
        new(new Answering(answer), new PlatformCallOptions(new GatewayTrust(Convert.FromBase64String(GatewayTrust.NewKey())), TimeProvider.System),
            NullLogger<SlaClocks>.Instance);

    [Fact]
    public async Task When_sla_does_not_answer_Should_say_the_clocks_are_unavailable()
    {
        var clocks = Clocks(() => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        Assert.Same(SlaStatusView.Unavailable, await clocks.ForAsync("acme", Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_sla_knows_no_clocks_yet_Should_say_so()
    {
        var clocks = Clocks(() => new GetStatusResponse());

        Assert.Same(SlaStatusView.NotStarted, await clocks.ForAsync("acme", Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_sla_answers_Should_report_each_clock_with_its_elapsed_and_paused_time()
    {
        var clocks = Clocks(() => new GetStatusResponse
        {
            Escalations =
            {
                new EscalationClocks
                {
                    EscalationId = Id.ToString(),
                    NextUpdateDue = Timestamp.FromDateTimeOffset(Now.AddMinutes(20)),
                    Clocks =
                    {
                        new Clock
                        {
                            Kind = "resolution", State = "running", StartedAt = Timestamp.FromDateTimeOffset(Now.AddHours(-1)),
                            DueAt = Timestamp.FromDateTimeOffset(Now.AddHours(3)), TargetSeconds = 14_400, ElapsedSeconds = 3_000, PercentElapsed = 20,
                            PausedSeconds = 600, Calendar = "always-open",
                        },
                    },
                },
            },
        });

        var view = await clocks.ForAsync("acme", Id, TestContext.Current.CancellationToken);

        Assert.Equal((true, false, (DateTimeOffset?)Now.AddMinutes(20)), (view.Available, view.Breached, view.NextUpdateDue));
        Assert.Equal(
            new ClockStatusView("resolution", "running", Now.AddHours(-1), Now.AddHours(3), 14_400, 3_000, 20, 600, null, null, "always-open"),
            Assert.Single(view.Clocks));
    }
}
