using EscalationPlatform.Contracts;
using Intake.Api.Lifecycle;
using Intake.Api.Records;
using Intake.Api.Webhooks;
using Intake.Domain;
using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using static EscalationPlatform.Contracts.EscalationStatus;
using static Intake.UnitTests.Cases;

namespace Intake.UnitTests;

/// <summary>The lifecycle saga on MassTransit's test harness (in-memory transport and saga repository): each event
/// reaches the record through the saga, in order, out of order and twice.</summary>
public sealed class LifecycleSagaTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<TimeProvider>(new FixedClock(Now))
        .Configure<LifecycleOptions>(options => options.AutoCloseAfter = AutoCloseAfter)
        .AddSingleton<IWebhookInterests, SettableWebhookInterests>()
        .AddScoped<WebhookRelayer>()
        .AddScoped<EscalationChanges>()
        .AddScoped<LifecycleSteps>()
        .AddMassTransitTestHarness(bus =>
        {
            bus.AddDelayedMessageScheduler();
            bus.AddSagaStateMachine<LifecycleStateMachine, EscalationRecord>().InMemoryRepository();
            bus.UsingInMemory((context, memory) =>
            {
                memory.UseDelayedMessageScheduler();
                memory.ConfigureEndpoints(context);
            });
        })
        .BuildServiceProvider(validateScopes: true);

    private ITestHarness Harness => _services.GetRequiredService<ITestHarness>();

    private ISagaStateMachineTestHarness<LifecycleStateMachine, EscalationRecord> Saga =>
        Harness.GetSagaStateMachineHarness<LifecycleStateMachine, EscalationRecord>();

    public async ValueTask InitializeAsync() => await Harness.Start();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void The_sagas_states_are_the_statuses_named_as_they_are_stored()
    {
        var machine = _services.GetRequiredService<LifecycleStateMachine>();

        Assert.Equal(
            ["initial", "final", .. Enum.GetValues<EscalationStatus>().Select(EscalationRecord.StateName)],
            machine.States.Select(state => state.Name == "Initial" ? "initial" : state.Name == "Final" ? "final" : state.Name));
        Assert.Contains("in-progress", machine.States.Select(state => state.Name));
    }

    [Fact]
    public async Task When_triage_assesses_a_new_case_Should_triage_it_and_announce_it()
    {
        var record = Seed(NewCase());

        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged));

        Assert.Equal(Triaged, record.Status);
        Assert.Equal("triaged", record.CurrentState);
        Assert.Equal((Severity?)Severity.S2, record.Severity);
        Assert.Equal(["triaged"], record.Timeline.Select(entry => entry.What));
        Assert.Equal((Submitted, Triaged), (record.Timeline[0].FromStatus, record.Timeline[0].ToStatus));
        Assert.Equal(Now.UtcDateTime, record.UpdatedAt);
        Assert.Empty(Published<EscalationStatusChanged>()); // EscalationTriaged is the status change
        Assert.Equal((record.Key, Submitted), (Assert.Single(Published<EscalationTriaged>()).Key, Published<EscalationTriaged>().Single().From));
    }

    [Fact]
    public async Task When_the_same_assessment_is_delivered_twice_Should_triage_once_and_note_the_second()
    {
        var record = Seed(NewCase());

        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged));
        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged));

        Assert.Equal(Triaged, record.Status);
        Assert.Equal(["triaged", "reassessed"], record.Timeline.Select(entry => entry.What));
        Assert.Empty(Published<EscalationStatusChanged>());
        Assert.Single(Published<EscalationTriaged>());
    }

    [Fact]
    public async Task When_offers_arrive_out_of_order_Should_keep_the_highest_offer()
    {
        var record = Seed(In(Triaged));

        await DeliverAsync(LifecycleEventsTests.Offer(OfferLevel.Owner, Owner));
        await DeliverAsync(LifecycleEventsTests.Offer(OfferLevel.TeamLead, Lead, previously: Backup));
        await DeliverAsync(LifecycleEventsTests.Offer(OfferLevel.Backup, Backup, previously: Owner));

        Assert.Equal(Assigned, record.Status);
        Assert.Equal((Lead.Id, OfferLevel.TeamLead, Owner.Id), (record.OfferedToId, record.OfferLevel, record.OwnerId));
        Assert.Equal(["offered", "offer-moved"], record.Timeline.Select(entry => entry.What));
        Assert.Empty(Published<EscalationStatusChanged>()); // the offers themselves announce the move to Assigned
    }

    [Fact]
    public async Task When_an_offer_comes_after_the_acknowledgement_Should_leave_the_owner_in_charge()
    {
        var record = Seed(In(Acknowledged));

        await DeliverAsync(LifecycleEventsTests.Offer(OfferLevel.Backup, Backup, previously: Owner));

        Assert.Equal((Acknowledged, Owner.Id, Owner.Id), (record.Status, record.OwnerId, record.OfferedToId));
        Assert.Empty(record.Timeline);
        Assert.Empty(Published<EscalationStatusChanged>());
    }

    [Fact]
    public async Task When_commitments_arrive_twice_and_out_of_order_Should_start_the_clocks_once_and_keep_the_newest_promise_and_clocks()
    {
        var record = Seed(In(Assigned));
        var newest = LifecycleEventsTests.Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(4));
        var older = LifecycleEventsTests.Clock(ClockKind.Resolution, ClockState.Running, Now.AddHours(1));

        await DeliverAsync(LifecycleEventsTests.Commitment(Now, Now.AddHours(4), clocks: [newest]));
        await DeliverAsync(LifecycleEventsTests.Commitment(Now, Now.AddHours(4), clocks: [newest]));
        await DeliverAsync(LifecycleEventsTests.Commitment(Now.AddMinutes(-10), Now.AddHours(1), clocks: [older]));

        Assert.Equal(["clocks-started"], record.Timeline.Select(entry => entry.What));
        Assert.Equal(Now.AddHours(4).UtcDateTime, record.NextUpdateDue);
        Assert.Equal(Now.UtcDateTime, record.ClocksStartedAt);
        Assert.Equal([newest], record.Clocks);
    }

    [Fact]
    public async Task When_a_breach_is_announced_Should_mark_the_record_and_note_it()
    {
        var record = Seed(In(InProgress));

        await DeliverAsync(LifecycleEventsTests.Threshold(ThresholdKind.Breach, 100));

        Assert.True(record.Breached);
        Assert.Equal(["sla-breached"], record.Timeline.Select(entry => entry.What));
    }

    [Fact]
    public async Task When_the_auto_close_timer_fires_on_an_unanswered_resolution_Should_close_it()
    {
        var record = Seed(In(Resolved));
        record.AutoCloseTokenId = Guid.NewGuid();

        await DeliverAsync(new AutoCloseDue(record.CorrelationId, record.ResolvedAt!.Value));

        Assert.Equal(Closed, record.Status);
        Assert.Equal("closed", record.CurrentState);
        Assert.Equal((null, null, Now.UtcDateTime), (record.AutoCloseAt, record.AutoCloseTokenId, record.ClosedAt));
        Assert.Equal(["auto-closed"], record.Timeline.Select(entry => entry.What));
        Assert.Equal((Resolved, Closed), (Assert.Single(Published<EscalationStatusChanged>()).From, Published<EscalationStatusChanged>().Single().To));
    }

    [Fact]
    public async Task When_the_auto_close_timer_fires_after_a_reopen_Should_change_nothing()
    {
        var record = Seed(In(Reopened));

        await DeliverAsync(new AutoCloseDue(record.CorrelationId, Now.AddHours(-1).UtcDateTime));

        Assert.Equal(Reopened, record.Status);
        Assert.Empty(record.Timeline);
        Assert.Empty(Published<EscalationStatusChanged>());
    }

    [Fact]
    public async Task When_an_event_names_another_tenants_escalation_Should_change_nothing()
    {
        var record = Seed(NewCase());

        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged, tenant: "globex-support"));

        Assert.Equal(Submitted, record.Status);
        Assert.Null(record.Severity);
        Assert.Empty(record.Timeline);
        Assert.Empty(Published<EscalationTriaged>());
    }

    [Fact]
    public async Task When_the_tenant_wants_status_changes_Should_relay_the_triage_to_notifications_webhook_queue()
    {
        var record = Seed(NewCase());
        ((SettableWebhookInterests)_services.GetRequiredService<IWebhookInterests>()).Wanted = [WebhookEventTypes.StatusChanged];

        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged));

        Assert.True(await Harness.Sent.Any<EscalationTriaged>(TestContext.Current.CancellationToken));
        var relayed = Harness.Sent.Select<EscalationTriaged>(TestContext.Current.CancellationToken).Single();
        Assert.Equal(WebhookRelay.QueueName, relayed.Context.DestinationAddress!.AbsolutePath.Trim('/'));
        Assert.Equal(record.CorrelationId, relayed.Context.Message.EscalationId);
    }

    [Fact]
    public async Task When_no_subscriber_wants_what_an_event_raises_Should_relay_nothing()
    {
        Seed(NewCase());
        ((SettableWebhookInterests)_services.GetRequiredService<IWebhookInterests>()).Wanted = [WebhookEventTypes.Offered, WebhookEventTypes.SlaThresholdReached];

        await DeliverAsync(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged));

        Assert.Single(Published<EscalationTriaged>());
        Assert.Empty(Harness.Sent.Select<EscalationTriaged>(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task When_an_event_names_an_unknown_escalation_Should_fault_it()
    {
        await Harness.Bus.Publish(LifecycleEventsTests.Assessment(AssessmentOutcome.Triaged), TestContext.Current.CancellationToken);

        Assert.True(await Harness.Published.Any<Fault<EscalationAssessed>>(TestContext.Current.CancellationToken));
        Assert.Empty(Saga.Sagas.Select(_ => true, new CancellationToken(canceled: true)));
    }

    /// <summary>A record as submission stores it, in the saga repository.</summary>
    private EscalationRecord Seed(EscalationState state)
    {
        var record = new EscalationRecord
        {
            CorrelationId = state.Id, TenantId = state.TenantId, Number = 1, Key = state.Key, Source = "portal", SubmittedById = state.SubmittedById,
            Title = state.Title, Facts = state.Facts, IssueType = state.Facts.IssueType, CustomerId = state.Facts.Customer.Id,
            CustomerName = state.Facts.Customer.Name, CustomerTier = state.Facts.Customer.Tier, CreatedAt = Now.AddHours(-2).UtcDateTime,
        };
        record.Apply(state);
        _services.GetRequiredService<IndexedSagaDictionary<EscalationRecord>>().Add(new SagaInstance<EscalationRecord>(record));
        return record;
    }

    /// <summary>Publishes the event and returns once the saga has consumed it (and published what it decided).</summary>
    private async Task DeliverAsync<T>(T message) where T : class
    {
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id, TestContext.Current.CancellationToken);
        Assert.True(await Saga.Consumed.Any<T>(consumed => consumed.Context.MessageId == id, TestContext.Current.CancellationToken));
    }

    /// <summary>What was published so far, without waiting for more.</summary>
    private List<T> Published<T>() where T : class =>
        [.. Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(published => published.Context.Message)];

    private sealed class SettableWebhookInterests : IWebhookInterests
    {
        public IReadOnlyCollection<string> Wanted { get; set; } = [];

        public Task<IReadOnlyCollection<string>> OfAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(Wanted);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
