using EscalationPlatform.Contracts;
using Notification.Api.Templates;
using Notification.Api.Projections;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>Which statuses are news to the customer, and that every one of them has its wording.</summary>
public sealed class CustomerNewsTests
{
    private static readonly EscalationStatus[] News =
    [
        EscalationStatus.Triaged, EscalationStatus.Acknowledged, EscalationStatus.InProgress, EscalationStatus.WaitingOnCustomer,
        EscalationStatus.Resolved, EscalationStatus.Closed, EscalationStatus.Reopened, EscalationStatus.Cancelled,
    ];

    private static CustomerCommitmentUpdated Commitment(EscalationStatus status, string? message = null) => new()
    {
        EscalationId = Guid.CreateVersion7(),
        TenantId = "acme",
        Status = status,
        NextUpdateDue = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        Message = message,
        At = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Statuses_that_change_what_the_customer_waits_for_are_news_and_internal_steps_are_not()
    {
        Assert.Equal(News, Enum.GetValues<EscalationStatus>().Where(CustomerNews.IsNews));
        Assert.Equal([EscalationStatus.Submitted, EscalationStatus.NeedsInformation, EscalationStatus.Deflected, EscalationStatus.Assigned],
            Enum.GetValues<EscalationStatus>().Where(status => !CustomerNews.IsNews(status)));
    }

    [Fact]
    public void A_message_for_the_customer_is_news_whatever_the_status() =>
        Assert.All(Enum.GetValues<EscalationStatus>(), status => Assert.True(CustomerNews.IsNews(Commitment(status, "An update."))));

    [Fact]
    public void Without_a_message_a_commitment_is_news_when_its_status_is() =>
        Assert.All(Enum.GetValues<EscalationStatus>(), status => Assert.Equal(CustomerNews.IsNews(status), CustomerNews.IsNews(Commitment(status))));

    [Fact]
    public void Every_status_that_is_news_has_its_own_wording_with_the_next_update_time()
    {
        var escalation = new EscalationProjection
        {
            EscalationId = Guid.CreateVersion7(),
            TenantId = "acme",
            Key = "ESC-1",
            Title = "Checkout fails",
            Status = EscalationStatus.Triaged,
            StatusAt = DateTime.UtcNow,
            CustomerName = "Globex",
            CustomerTimeZone = "Europe/Berlin",
        };

        var customer = new Notice("it@globex.example", Audience.Customer, NoticeEvent.CustomerNews, "k");
        var bodies = News.Select(status => Messages.Email(BuiltInTemplates.Email["customer-news"],
            MessageModel.For(escalation, customer, NoticeFacts.Of(Commitment(status)), "https://portal.example/cases/1", escalation.CustomerTimeZone), "l").Text).ToList();

        Assert.Equal(News.Length, bodies.Distinct().Count());
        Assert.All(bodies, body => Assert.Contains("Next update by: 2026-11-27 13:00 Europe/Berlin (2026-11-27T12:00:00Z).", body, StringComparison.Ordinal));
    }
}
