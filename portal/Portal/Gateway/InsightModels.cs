namespace EscalationPlatform.Portal.Gateway;

// What the portal reads from the insights API (GET /api/v1/insights/...): times in seconds.

public sealed record PercentilesInfo(double? P50, double? P90, int Cases);

public sealed record ClockComplianceInfo(string Clock, int Met, int Breached, int AtRiskNow, double? Compliance);

public sealed record CsatScoreInfo(int Ratings, double? Average, double? Satisfied);

public sealed record InsightSummaryInfo(
    DateTimeOffset From, DateTimeOffset To, int Escalations, int Open, PercentilesInfo TimeToAcknowledge, PercentilesInfo TimeToFirstResponse,
    PercentilesInfo TimeToResolution, PercentilesInfo TimeToResolutionWorking, int Resolved, int Reopened, double? ReopenRate,
    IReadOnlyList<ClockComplianceInfo> Sla, int StalledNow, int Bouncing, int TooEarly, int TooLate, CsatScoreInfo Csat);

public sealed record VolumePointInfo(DateTimeOffset Bucket, string Key, string Label, int Count);

public sealed record TimesPointInfo(DateTimeOffset Bucket, int Cases, double? AcknowledgeP50, double? AcknowledgeP90, double? FirstResponseP50,
    double? ResolutionP50, double? ResolutionP90);

public sealed record BacklogCellInfo(string Age, string Status, int Count);

public sealed record StatusTimeInfo(string Status, int Cases, double AverageSeconds);

public sealed record InsightCaseInfo(Guid Id, string Key, string Title, string Status, string? Severity, string CustomerName, string? TeamName,
    DateTimeOffset SubmittedAt, int HandoffsAccepted, DateTimeOffset LastActivityAt, IReadOnlyList<string> TooEarly, IReadOnlyList<string> TooLate);

public sealed record StallReportInfo(IReadOnlyList<StatusTimeInfo> TimeInStatus, int HandoffsRequested, int HandoffsAnswered, double? AverageHandoffWaitSeconds,
    int StalledNow, IReadOnlyList<InsightCaseInfo> Stalled);

public sealed record TeamHandoffsInfo(string TeamId, string TeamName, int Received);

public sealed record BounceReportInfo(int BounceAfter, IReadOnlyList<InsightCaseInfo> Bouncing, IReadOnlyList<TeamHandoffsInfo> TeamsReceivingMost);

public sealed record RepeatCustomerInfo(string CustomerId, string CustomerName, int Escalations, DateTimeOffset Latest);

public sealed record RepeatReportInfo(int AtLeast, int WindowDays, DateTimeOffset Until, IReadOnlyList<RepeatCustomerInfo> Customers);

public sealed record TrendItemInfo(string Key, int Latest, double Baseline, double? Growth, bool Trending);

public sealed record TrendReportInfo(string By, string Period, DateTimeOffset Until, IReadOnlyList<TrendItemInfo> Categories);

public sealed record CaseExampleInfo(Guid Id, string Key);

public sealed record SubmitterTimingInfo(string SubmittedBy, string Source, int Escalations, int TooEarly, int TooLate,
    IReadOnlyList<CaseExampleInfo> TooEarlyExamples, IReadOnlyList<CaseExampleInfo> TooLateExamples);

public sealed record ReasonCountInfo(string Reason, int Count);

public sealed record TimingReportInfo(int Escalations, int TooEarly, int TooLate, IReadOnlyList<ReasonCountInfo> TooEarlyReasons,
    IReadOnlyList<ReasonCountInfo> TooLateReasons, IReadOnlyList<SubmitterTimingInfo> Submitters);

public sealed record CsatCommentInfo(Guid EscalationId, string Key, int Score, string Comment, DateTimeOffset RatedAt);

public sealed record CsatReportInfo(CsatScoreInfo Score, IReadOnlyList<int> Distribution, IReadOnlyList<CsatCommentInfo> Comments);

public sealed record InsightCaseListInfo(string Metric, int Total, IReadOnlyList<InsightCaseInfo> Items);
