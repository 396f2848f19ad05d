using System.Globalization;
using EscalationPlatform.Portal.Gateway;
using MudBlazor;

namespace EscalationPlatform.Portal.Components.Pages.Insights;

/// <summary>The insights dashboard (SPEC section 8): headline numbers, SLA compliance, volume, time trends, backlog
/// aging, stalls, bounces, repeat customers, trends, timing quality and CSAT, under one set of filters; each number
/// links to the cases behind it.</summary>
public sealed partial class InsightsDashboard
{
    private int _days = 30;
    private string? _team;
    private string? _issueType;
    private string? _severity;
    private string? _tier;
    private string? _customer;
    private InsightFilters _filters = new();
    private DateTimeOffset _now;
    private GatewayProblem? _problem;
    private InsightSummaryInfo? _summary;
    private StallReportInfo? _stalls;
    private BounceReportInfo? _bounces;
    private RepeatReportInfo? _repeats;
    private TrendReportInfo? _trends;
    private TimingReportInfo? _timing;
    private CsatReportInfo? _csat;
    private IReadOnlyList<VolumePointInfo> _byTeam = [];
    private IReadOnlyList<BacklogCellInfo> _backlog = [];
    private List<ChartSeries<double>> _slaSeries = [];
    private string[] _slaLabels = [];
    private List<ChartSeries<double>> _volumeSeries = [];
    private string[] _volumeLabels = [];
    private List<ChartSeries<double>> _timesSeries = [];
    private string[] _timesLabels = [];
    private List<ChartSeries<double>> _backlogSeries = [];
    private string[] _backlogLabels = [];
    private List<ChartSeries<double>> _csatSeries = [];
    private readonly string[] _csatLabels = ["1", "2", "3", "4", "5"];

    private sealed record Headline(string Label, string Text, string Metric, string? Note = null);

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task ApplyAsync()
    {
        _filters = new InsightFilters(_days, Blank(_team), Blank(_issueType), Blank(_severity), Blank(_tier), Blank(_customer));
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _now = Clock.GetUtcNow();
        var query = _filters.Query(_now);
        var summary = Gateway.GetAsync<InsightSummaryInfo>($"/api/v1/insights/summary?{query}");
        var volume = Gateway.GetAsync<List<VolumePointInfo>>($"/api/v1/insights/volume?bucket=day&{query}");
        var byTeam = Gateway.GetAsync<List<VolumePointInfo>>($"/api/v1/insights/volume?bucket=week&by=team&{query}");
        var times = Gateway.GetAsync<List<TimesPointInfo>>($"/api/v1/insights/times?bucket=day&{query}");
        var backlog = Gateway.GetAsync<List<BacklogCellInfo>>($"/api/v1/insights/backlog?{query}");
        var stalls = Gateway.GetAsync<StallReportInfo>($"/api/v1/insights/stalls?{query}");
        var bounces = Gateway.GetAsync<BounceReportInfo>($"/api/v1/insights/bouncing?{query}");
        var repeats = Gateway.GetAsync<RepeatReportInfo>($"/api/v1/insights/repeat-customers?{query}");
        var trends = Gateway.GetAsync<TrendReportInfo>($"/api/v1/insights/trends?by=issue-type&period=day&{query}");
        var timing = Gateway.GetAsync<TimingReportInfo>($"/api/v1/insights/timing?{query}");
        var csat = Gateway.GetAsync<CsatReportInfo>($"/api/v1/insights/csat?{query}");
        await Task.WhenAll(summary, volume, byTeam, times, backlog, stalls, bounces, repeats, trends, timing, csat);

        _problem = new[] { summary.Result.Problem, volume.Result.Problem, byTeam.Result.Problem, times.Result.Problem, backlog.Result.Problem,
            stalls.Result.Problem, bounces.Result.Problem, repeats.Result.Problem, trends.Result.Problem, timing.Result.Problem, csat.Result.Problem }
            .FirstOrDefault(problem => problem is not null);
        _summary = summary.Result.Value;
        _stalls = stalls.Result.Value;
        _bounces = bounces.Result.Value;
        _repeats = repeats.Result.Value;
        _trends = trends.Result.Value;
        _timing = timing.Result.Value;
        _csat = csat.Result.Value;
        _backlog = backlog.Result.Value ?? [];
        _byTeam = (byTeam.Result.Value ?? []).GroupBy(point => (point.Key, point.Label))
            .Select(group => group.First() with { Count = group.Sum(point => point.Count) }).OrderByDescending(point => point.Count).ToList();
        Charts(volume.Result.Value ?? [], times.Result.Value ?? []);
    }

    private void Charts(IReadOnlyList<VolumePointInfo> volume, IReadOnlyList<TimesPointInfo> times)
    {
        if (_summary is { } summary)
        {
            _slaLabels = [.. summary.Sla.Select(clock => clock.Clock)];
            _slaSeries =
            [
                new() { Name = "met", Data = summary.Sla.Select(clock => (double)clock.Met).ToArray() },
                new() { Name = "breached", Data = summary.Sla.Select(clock => (double)clock.Breached).ToArray() },
                new() { Name = "at risk now", Data = summary.Sla.Select(clock => (double)clock.AtRiskNow).ToArray() },
            ];
        }

        _volumeLabels = [.. volume.Select(point => Day(point.Bucket))];
        _volumeSeries = [new() { Name = "escalations", Data = volume.Select(point => (double)point.Count).ToArray() }];
        _timesLabels = [.. times.Select(point => Day(point.Bucket))];
        _timesSeries =
        [
            new() { Name = "acknowledge (p50)", Data = times.Select(point => Hours(point.AcknowledgeP50)).ToArray() },
            new() { Name = "resolve (p50)", Data = times.Select(point => Hours(point.ResolutionP50)).ToArray() },
            new() { Name = "resolve (p90)", Data = times.Select(point => Hours(point.ResolutionP90)).ToArray() },
        ];
        _backlogLabels = [.. _backlog.Select(cell => cell.Age).Distinct()];
        _backlogSeries = [.. _backlog.Select(cell => cell.Status).Distinct().Select(status => new ChartSeries<double>
        {
            Name = status,
            Data = _backlogLabels.Select(age => (double)_backlog.Where(cell => cell.Age == age && cell.Status == status).Sum(cell => cell.Count)).ToArray(),
        })];
        _csatSeries = [new() { Name = "ratings", Data = (_csat?.Distribution ?? [0, 0, 0, 0, 0]).Select(count => (double)count).ToArray() }];
    }

    private static IEnumerable<Headline> Headlines(InsightSummaryInfo summary) =>
    [
        new("Escalations", Number(summary.Escalations), "all"),
        new("Open now", Number(summary.Open), "open"),
        new("Time to acknowledge", InsightFilters.Duration(summary.TimeToAcknowledge.P50), "acknowledged",
            $"p90 {InsightFilters.Duration(summary.TimeToAcknowledge.P90)}, {summary.TimeToAcknowledge.Cases} cases"),
        new("Time to first response", InsightFilters.Duration(summary.TimeToFirstResponse.P50), "first-response",
            $"p90 {InsightFilters.Duration(summary.TimeToFirstResponse.P90)}"),
        new("Time to resolution", InsightFilters.Duration(summary.TimeToResolution.P50), "resolution-time",
            $"p90 {InsightFilters.Duration(summary.TimeToResolution.P90)}, {InsightFilters.Duration(summary.TimeToResolutionWorking.P50)} without waiting"),
        new("Reopen rate", InsightFilters.Percent(summary.ReopenRate), "reopened", $"{summary.Reopened} of {summary.Resolved} resolved"),
        new("Stalled now", Number(summary.StalledNow), "stalled"),
        new("Bouncing", Number(summary.Bouncing), "bouncing"),
        new("Too early", Number(summary.TooEarly), "too-early"),
        new("Too late", Number(summary.TooLate), "too-late"),
        new("CSAT", summary.Csat.Average?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-", "rated", $"{summary.Csat.Ratings} ratings"),
    ];

    private string Link(string metric, string? extra = null) => _filters.CasesLink(metric, _now, extra);

    private string RepeatLink(RepeatCustomerInfo customer, RepeatReportInfo report) =>
        $"/insights/cases?metric=all&customer={Uri.EscapeDataString(customer.CustomerId)}"
        + $"&from={Uri.EscapeDataString(report.Until.AddDays(-report.WindowDays).ToString("O", CultureInfo.InvariantCulture))}"
        + $"&to={Uri.EscapeDataString(report.Until.ToString("O", CultureInfo.InvariantCulture))}";

    private static string Reason(string reason) => reason switch
    {
        "deflected" => "Deflected",
        "returned-for-facts" => "Returned for missing facts",
        "known-workaround" => "Resolved with the workaround frontline knew",
        "many-attempts" => "Many frontline attempts first",
        "sla-mostly-gone" => "Most of the first-response target gone",
        _ => reason,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset bucket) => bucket.ToString("MM-dd", CultureInfo.InvariantCulture);

    private static double Hours(double? seconds) => seconds is { } value ? Math.Round(value / 3600, 2) : 0;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
