using EscalationPlatform.Contracts;
using Intake.Domain;
using Types = EscalationPlatform.Contracts.WebhookEventTypes;

namespace Intake.UnitTests;

/// <summary>Which of intake's events are relayed to notification for webhooks: only those raising a type the
/// tenant's subscriptions want.</summary>
public sealed class WebhookRelayingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static EscalationTriaged Triaged(bool announcesSubmission) => new()
    {
        EscalationId = Guid.CreateVersion7(),
        TenantId = "acme",
        Key = "ACME-1",
        Title = "Checkout fails",
        Severity = Severity.S2,
        Facts = Cases.NewCase().Facts,
        TriagedAt = At,
        AnnouncesSubmission = announcesSubmission,
    };

    private static EscalationStatusChanged Moved() => new()
    {
        EscalationId = Guid.CreateVersion7(), TenantId = "globex", Key = "GLOBEX-1", From = EscalationStatus.Assigned, To = EscalationStatus.Acknowledged,
        Actor = Actor.Service("test"), At = At,
    };

    [Fact]
    public void A_triage_at_submission_raises_the_submission_the_triage_and_the_status_change()
    {
        AssertRaises(Triaged(announcesSubmission: true), "acme", Types.Submitted, Types.Triaged, Types.StatusChanged);
        AssertRaises(Triaged(announcesSubmission: false), "acme", Types.Triaged, Types.StatusChanged);
    }

    [Fact]
    public void Each_of_intakes_own_events_raises_its_type_for_its_tenant()
    {
        AssertRaises(Moved(), "globex", Types.StatusChanged);
        AssertRaises(new CustomerUpdatePosted
        {
            EscalationId = Guid.CreateVersion7(), TenantId = "acme", Key = "ACME-1", Message = "m", Actor = Actor.Service("test"), At = At,
        }, "acme", Types.CustomerUpdatePosted);
    }

    [Fact]
    public void An_event_no_webhook_tells_of_is_never_relayed() =>
        Assert.Null(WebhookRelaying.Of(new EscalationFactsUpdated { EscalationId = Guid.CreateVersion7(), TenantId = "acme", Facts = Cases.NewCase().Facts }));

    [Fact]
    public void It_is_relayed_when_the_tenant_wants_one_of_its_types_and_only_then()
    {
        var triaged = WebhookRelaying.Of(Triaged(announcesSubmission: false))!;

        Assert.True(triaged.IsWantedBy([Types.Offered, Types.StatusChanged]));
        Assert.False(triaged.IsWantedBy([Types.Submitted, Types.Offered, Types.SlaThresholdReached])); // the submission was announced before, by EscalationSubmitted
        Assert.False(triaged.IsWantedBy([]));
    }

    [Fact]
    public void A_newer_announcement_of_interest_replaces_the_kept_one_and_an_older_one_does_not()
    {
        Assert.True(WebhookInterestRule.Replaces(null, At));
        Assert.True(WebhookInterestRule.Replaces(At, At.AddMilliseconds(1)));
        Assert.False(WebhookInterestRule.Replaces(At, At));
        Assert.False(WebhookInterestRule.Replaces(At, At.AddSeconds(-1)));
    }

    private static void AssertRaises(object message, string tenant, params string[] types)
    {
        var relayable = WebhookRelaying.Of(message);
        Assert.NotNull(relayable);
        Assert.Equal(tenant, relayable.TenantId);
        Assert.Equal(types, relayable.EventTypes);
    }
}
