using EscalationPlatform.Contracts;
using EscalationPlatform.Portal.Gateway;

namespace EscalationPlatform.Portal.Components.Pages;

/// <summary>One number of the dashboard: how many escalations a question to the list API finds, up to a page
/// (<see cref="QueueView.MaxPageSize"/>); more shows as "100+".</summary>
public sealed record Count(string Label, int Found, bool More)
{
    public string Text => More ? $"{Found}+" : Found.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Today's numbers for leads and managers, from the escalation list: open by severity, breached, waiting to be
/// acknowledged. (The insights service will count without the page limit.)</summary>
public static class DashboardCounts
{
    public static IReadOnlyList<(string Label, string Query)> Questions { get; } =
    [
        .. Enum.GetValues<Severity>().Select(severity => ($"Open {severity}", $"status={QueueViews.Open}&severity={severity}")),
        ("Breached", $"status={QueueViews.Open}&breached=true"),
        ("Waiting to be acknowledged", "status=assigned"),
        ("Needs information", "status=needs-information"),
    ];

    public static async Task<(IReadOnlyList<Count> Counts, GatewayProblem? Problem)> ReadAsync(GatewayClient gateway)
    {
        var answers = await Task.WhenAll(Questions.Select(question =>
            gateway.GetAsync<Page<EscalationLine>>($"/api/v1/escalations?{question.Query}&limit={QueueView.MaxPageSize}")));
        var counts = Questions.Zip(answers, (question, answer) =>
            new Count(question.Label, answer.Value?.Items.Count ?? 0, answer.Value?.NextCursor is not null)).ToList();
        return (counts, answers.Select(answer => answer.Problem).FirstOrDefault(problem => problem is not null));
    }
}
