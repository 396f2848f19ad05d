using EscalationPlatform.Contracts;
using EscalationPlatform.Portal.Components.Shared;
using EscalationPlatform.Portal.Identity;

namespace EscalationPlatform.Portal.Components.Pages;

/// <summary>What the person narrows a queue to; a status must be one of the queue's own (<see cref="QueueView.Statuses"/>).</summary>
public sealed record QueueFilters(string? Severity, string? IssueType, string? Customer, string? Team = null, string? Status = null, string? Tier = null);

/// <summary>A queue: a named question to the escalation list (GET /api/v1/escalations) for the signed-in person.</summary>
public sealed record QueueView(string Id, string Title, Func<PortalUser, Dictionary<string, string?>> Parameters)
{
    /// <summary>Set for a queue of what falls due soon: only cases whose next action is due within this time from now,
    /// the soonest first.</summary>
    public TimeSpan? DueWithin { get; init; }

    public const int PageSize = 25;

    /// <summary>The most the list API gives in one page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The statuses this queue shows, for the status filter.</summary>
    public IReadOnlyList<string> Statuses(PortalUser user) =>
        Parameters(user).GetValueOrDefault("status") is { } statuses ? statuses.Split(',') : [];

    public string Query(PortalUser user, QueueFilters filters, string? cursor, DateTimeOffset now, int limit = PageSize)
    {
        var parameters = Parameters(user);
        if (DueWithin is { } window)
        {
            parameters["dueBefore"] = (now + window).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        parameters["tier"] = filters.Tier;
        parameters["severity"] = filters.Severity;
        parameters["issueType"] = filters.IssueType;
        parameters["customer"] = string.IsNullOrWhiteSpace(filters.Customer) ? null : filters.Customer.Trim();
        parameters["team"] = filters.Team ?? parameters.GetValueOrDefault("team");
        parameters["status"] = filters.Status ?? parameters.GetValueOrDefault("status");
        parameters["cursor"] = cursor;
        parameters["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryString.Create(parameters.Where(parameter => parameter.Value is not null)).ToUriComponent().TrimStart('?');
    }
}

public static class QueueViews
{
    /// <summary>The open cases of the person's team: the page sets the team filter to the team they are a member of.</summary>
    public const string MyTeam = "team";

    /// <summary>How close a due time puts a case in the "breaching soon" queue.</summary>
    public static readonly TimeSpan BreachingSoon = TimeSpan.FromHours(1);

    /// <summary>Every status of an escalation still being handled, as the list API's status filter takes them.</summary>
    public static readonly string Open = string.Join(",", new[]
    {
        EscalationStatus.Submitted, EscalationStatus.NeedsInformation, EscalationStatus.Triaged, EscalationStatus.Assigned,
        EscalationStatus.Acknowledged, EscalationStatus.InProgress, EscalationStatus.WaitingOnCustomer, EscalationStatus.Reopened,
    }.Select(Labels.Kebab));

    public static IReadOnlyList<QueueView> All { get; } =
    [
        new("offered", "Offered to me", user => new() { ["offeredTo"] = user.Id, ["status"] = Labels.Kebab(EscalationStatus.Assigned) }),
        new("mine", "Mine", user => new() { ["owner"] = user.Id, ["status"] = Open }),
        new(MyTeam, "My team", _ => new() { ["status"] = Open }),
        new("open", "All open", _ => new() { ["status"] = Open }),
        new("unassigned", "Unassigned / needs information", _ => new()
        {
            ["status"] = string.Join(",", new[] { EscalationStatus.Submitted, EscalationStatus.NeedsInformation, EscalationStatus.Triaged }.Select(Labels.Kebab)),
        }),
        new("soon", "Breaching soon", _ => new() { ["status"] = Open, ["breached"] = "false" }) { DueWithin = BreachingSoon },
        new("breached", "Breached", _ => new() { ["status"] = Open, ["breached"] = "true" }),
    ];
}
