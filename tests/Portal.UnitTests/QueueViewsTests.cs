using EscalationPlatform.Portal.Components.Pages;
using EscalationPlatform.Portal.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.UnitTests;

public sealed class QueueViewsTests
{
    private const string Open = "submitted,needs-information,triaged,assigned,acknowledged,in-progress,waiting-on-customer,reopened";

    private static readonly PortalUser Agent = new("acme", "u-7", "Ann Agent", ["agent"], "token", DateTimeOffset.MaxValue);

    private static readonly QueueFilters NoFilters = new(null, null, null);

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 15, 0, TimeSpan.FromHours(1));

    private static Dictionary<string, string> Query(string view, QueueFilters filters, string? cursor = null) =>
        QueryHelpers.ParseQuery(QueueViews.All.Single(queue => queue.Id == view).Query(Agent, filters, cursor, Now))
            .ToDictionary(parameter => parameter.Key, parameter => parameter.Value.ToString());

    [Fact]
    public void Offered_to_me_comes_first_and_asks_for_the_assigned_cases_waiting_for_the_person()
    {
        Assert.Equal("offered", QueueViews.All[0].Id);
        Assert.Equal(new Dictionary<string, string> { ["offeredTo"] = "u-7", ["status"] = "assigned", ["limit"] = "25" }, Query("offered", NoFilters));
    }

    [Fact]
    public void Mine_asks_for_the_persons_open_cases() =>
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "u-7", ["status"] = Open, ["limit"] = "25" }, Query("mine", NoFilters));

    [Fact]
    public void All_open_asks_for_every_open_status_and_no_owner() =>
        Assert.Equal(new Dictionary<string, string> { ["status"] = Open, ["limit"] = "25" }, Query("open", NoFilters));

    [Fact]
    public void Unassigned_asks_for_the_cases_before_assignment() =>
        Assert.Equal("submitted,needs-information,triaged", Query("unassigned", NoFilters)["status"]);

    [Fact]
    public void Breached_asks_for_open_cases_that_breached() =>
        Assert.Equal(new Dictionary<string, string> { ["status"] = Open, ["breached"] = "true", ["limit"] = "25" }, Query("breached", NoFilters));

    [Fact]
    public void Breaching_soon_asks_for_open_cases_not_yet_breached_whose_next_action_falls_due_within_the_hour_in_utc() =>
        Assert.Equal(new Dictionary<string, string>
        {
            ["status"] = Open, ["breached"] = "false", ["dueBefore"] = "2026-11-30T09:15:00.0000000Z", ["limit"] = "25",
        }, Query("soon", NoFilters));

    [Fact]
    public void Only_the_breaching_soon_queue_is_bounded_by_a_due_time() =>
        Assert.Equal(["soon"], QueueViews.All.Where(queue => queue.DueWithin is not null).Select(queue => queue.Id));

    [Fact]
    public void Filters_and_the_cursor_are_added_and_the_customer_is_trimmed()
    {
        var query = Query("open", new QueueFilters("S1", "billing", "  Acme Corp ", Tier: "premium,strategic"), "cursor/with+signs=");

        Assert.Equal("S1", query["severity"]);
        Assert.Equal("premium,strategic", query["tier"]);
        Assert.Equal("billing", query["issueType"]);
        Assert.Equal("Acme Corp", query["customer"]);
        Assert.Equal("cursor/with+signs=", query["cursor"]);
    }

    [Fact]
    public void A_team_and_a_status_chosen_narrow_the_queue_and_the_status_choices_are_the_queues_own()
    {
        var query = Query("mine", new QueueFilters(null, null, null, Team: "security-response", Status: "in-progress"));

        Assert.Equal(("security-response", "in-progress", "u-7"), (query["team"], query["status"], query["owner"]));
        Assert.Equal(["assigned"], QueueViews.All.Single(queue => queue.Id == "offered").Statuses(Agent));
        Assert.Equal(Open.Split(','), QueueViews.All.Single(queue => queue.Id == QueueViews.MyTeam).Statuses(Agent));
    }

    [Fact]
    public void A_blank_customer_filter_is_left_out() =>
        Assert.DoesNotContain("customer", Query("open", new QueueFilters(null, null, "   ")).Keys);

    [Fact]
    public void Every_queue_has_its_own_id() =>
        Assert.Equal(QueueViews.All.Count, QueueViews.All.Select(queue => queue.Id).Distinct().Count());
}
