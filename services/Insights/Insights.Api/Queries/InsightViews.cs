namespace Insights.Api.Queries;

/// <summary>A time's median and 90th percentile in seconds, over how many cases (null when none).</summary>
public sealed record Percentiles(double? P50, double? P90, int Cases);

public sealed record ClockCompliance(string Clock, int Met, int Breached, int AtRiskNow, double? Compliance);

public sealed record InsightSummary(
    DateTime From, DateTime To, int Escalations, int Open, Percentiles TimeToAcknowledge, Percentiles TimeToFirstResponse,
    Percentiles TimeToResolution, Percentiles TimeToResolutionWorking, int Resolved, int Reopened, double? ReopenRate,
    IReadOnlyList<ClockCompliance> Sla, int StalledNow, int Bouncing, int TooEarly, int TooLate, CsatScore Csat);

public sealed record CsatScore(int Ratings, double? Average, double? Satisfied);

/// <summary>How many escalations were submitted in a bucket (the start of the hour, day or week), for one key.</summary>
/// <param name="Bucket">The start of the hour, day or week.</param>
/// <param name="Key">What to filter the cases by (a team id, a customer id, an issue type, a severity).</param>
/// <param name="Label">What to show for the key.</param>
/// <param name="Count">How many escalations.</param>
public sealed record VolumePoint(DateTime Bucket, string Key, string Label, int Count);

public sealed record TimesPoint(DateTime Bucket, int Cases, double? AcknowledgeP50, double? AcknowledgeP90, double? FirstResponseP50,
    double? ResolutionP50, double? ResolutionP90);

public sealed record BacklogCell(string Age, string Status, int Count);

/// <summary>How long cases stayed in a status (of those that left it), on average.</summary>
public sealed record StatusTime(string Status, int Cases, double AverageSeconds);

/// <summary>A case behind a number (a class with setters, as Dapper fills one with arrays).</summary>
public sealed record CaseItem
{
    public Guid Id { get; init; }

    public string Key { get; init; } = "";

    public string Title { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Severity { get; init; }

    public string CustomerName { get; init; } = "";

    public string? TeamName { get; init; }

    public DateTime SubmittedAt { get; init; }

    public int HandoffsAccepted { get; init; }

    public DateTime LastActivityAt { get; init; }

    public string[] TooEarly { get; init; } = [];

    public string[] TooLate { get; init; } = [];
}

public sealed record StallReport(IReadOnlyList<StatusTime> TimeInStatus, int HandoffsRequested, int HandoffsAnswered, double? AverageHandoffWaitSeconds,
    int StalledNow, IReadOnlyList<CaseItem> Stalled);

public sealed record TeamHandoffs(string TeamId, string TeamName, int Received);

public sealed record BounceReport(int BounceAfter, IReadOnlyList<CaseItem> Bouncing, IReadOnlyList<TeamHandoffs> TeamsReceivingMost);

public sealed record RepeatCustomer(string CustomerId, string CustomerName, int Escalations, DateTime Latest);

public sealed record RepeatReport(int AtLeast, int WindowDays, DateTime Until, IReadOnlyList<RepeatCustomer> Customers);

public sealed record TrendItem(string Key, int Latest, double Baseline, double? Growth, bool Trending);

public sealed record TrendReport(string By, string Period, DateTime Until, IReadOnlyList<TrendItem> Categories);

public sealed record CaseExample(Guid Id, string Key);

public sealed record SubmitterTiming(string SubmittedBy, string Source, int Escalations, int TooEarly, int TooLate,
    IReadOnlyList<CaseExample> TooEarlyExamples, IReadOnlyList<CaseExample> TooLateExamples);

public sealed record ReasonCount(string Reason, int Count);

public sealed record TimingReport(int Escalations, int TooEarly, int TooLate, IReadOnlyList<ReasonCount> TooEarlyReasons,
    IReadOnlyList<ReasonCount> TooLateReasons, IReadOnlyList<SubmitterTiming> Submitters);

public sealed record CsatComment(Guid EscalationId, string Key, int Score, string Comment, DateTime RatedAt);

public sealed record CsatReport(CsatScore Score, IReadOnlyList<int> Distribution, IReadOnlyList<CsatComment> Comments);

public sealed record CaseList(string Metric, int Total, IReadOnlyList<CaseItem> Items);
