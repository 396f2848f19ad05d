using EscalationPlatform.Contracts;
using Insights.Domain;

namespace Insights.Api.History;

/// <summary>One escalation in insights' read model: the newest record seen, and its <see cref="CaseSummary"/> in columns
/// the queries filter and count on (table case_summary). Rebuilt whole from the record and the stored entries whenever
/// either changes.</summary>
public sealed class CaseRow
{
    public Guid EscalationId { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>When the record was decided; an older record arriving late does not replace it.</summary>
    public DateTime RecordAt { get; set; }

    public EscalationSnapshot Record { get; set; } = null!;

    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public EscalationStatus Status { get; set; }

    public string? Severity { get; set; }

    public IssueType IssueType { get; set; }

    public string? ProductArea { get; set; }

    public string CustomerId { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public CustomerTier CustomerTier { get; set; }

    public string? TeamId { get; set; }

    public string? TeamName { get; set; }

    public string Source { get; set; } = "";

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAt { get; set; }

    public bool Open { get; set; }

    public DateTime StatusSince { get; set; }

    public double? TtaSeconds { get; set; }

    public double? TtfrSeconds { get; set; }

    public double? TtrSeconds { get; set; }

    public double? TtrWorkingSeconds { get; set; }

    public bool EverResolved { get; set; }

    public int Reopens { get; set; }

    public ClockOutcome FrOutcome { get; set; }

    public DateTime? FrDueAt { get; set; }

    public double? FrTargetSeconds { get; set; }

    public ClockOutcome UpdOutcome { get; set; }

    public DateTime? UpdDueAt { get; set; }

    public double? UpdTargetSeconds { get; set; }

    public ClockOutcome ResOutcome { get; set; }

    public DateTime? ResDueAt { get; set; }

    public double? ResTargetSeconds { get; set; }

    /// <summary>Seconds in each status the case has left, at the status's position in <see cref="EscalationStatus"/> (PostgreSQL
    /// counts from 1: Submitted is [1]); null where the case never left that status. An array, not JSON, so the stall report's
    /// averages read numbers instead of parsing a document per case.</summary>
    public double?[] StatusSeconds { get; set; } = [];

    /// <summary>The facts the headline numbers count, packed (<see cref="CaseFlags"/>).</summary>
    public int Flags { get; set; }

    public int HandoffsRequested { get; set; }

    public int HandoffsAccepted { get; set; }

    public double HandoffWaitSeconds { get; set; }

    public int HandoffsAnswered { get; set; }

    /// <summary>The teams that received the case by accepted handoffs, in order (ids and names side by side).</summary>
    public string[] HandoffTeamIds { get; set; } = [];

    public string[] HandoffTeamNames { get; set; } = [];

    public DateTime LastActivityAt { get; set; }

    public List<string> TooEarly { get; set; } = [];

    public List<string> TooLate { get; set; } = [];

    public string? ErrorSignature { get; set; }

    public void Take(CaseSummary summary)
    {
        var record = summary.Record;
        Key = record.Key;
        Title = record.Title;
        Status = record.Status;
        Severity = record.Severity?.ToString();
        IssueType = record.IssueType;
        ProductArea = record.ProductArea;
        CustomerId = record.CustomerId;
        CustomerName = record.CustomerName;
        CustomerTier = record.CustomerTier;
        TeamId = record.Team?.Id;
        TeamName = record.Team?.Name;
        Source = record.Source;
        SubmittedBy = record.SubmittedBy;
        SubmittedAt = record.SubmittedAt.UtcDateTime;
        Open = summary.Open;
        StatusSince = summary.StatusSince.UtcDateTime;
        TtaSeconds = summary.TimeToAcknowledge?.TotalSeconds;
        TtfrSeconds = summary.TimeToFirstResponse?.TotalSeconds;
        TtrSeconds = summary.TimeToResolution?.TotalSeconds;
        TtrWorkingSeconds = summary.TimeToResolutionWorking?.TotalSeconds;
        EverResolved = summary.EverResolved;
        Reopens = summary.Reopens;
        (FrOutcome, FrDueAt, FrTargetSeconds) = Clock(summary.FirstResponse);
        (UpdOutcome, UpdDueAt, UpdTargetSeconds) = Clock(summary.CustomerUpdate);
        (ResOutcome, ResDueAt, ResTargetSeconds) = Clock(summary.Resolution);
        StatusSeconds = [.. Enum.GetValues<EscalationStatus>().Select(status => summary.TimeInStatus.TryGetValue(status, out var time) ? time.TotalSeconds : (double?)null)];
        Flags = CaseFlags.Of(summary);
        HandoffsRequested = summary.HandoffsRequested;
        HandoffsAccepted = summary.HandoffsAccepted;
        HandoffWaitSeconds = summary.HandoffWait.TotalSeconds;
        HandoffsAnswered = summary.HandoffsAnswered;
        HandoffTeamIds = [.. summary.HandoffTeams.Select(team => team.Id)];
        HandoffTeamNames = [.. summary.HandoffTeams.Select(team => team.Name)];
        LastActivityAt = summary.LastActivityAt.UtcDateTime;
        TooEarly = [.. summary.TooEarly];
        TooLate = [.. summary.TooLate];
        ErrorSignature = summary.ErrorSignature;
    }

    private static (ClockOutcome, DateTime?, double?) Clock(ClockResult clock) =>
        (clock.Outcome, clock.DueAt?.UtcDateTime, clock.Target?.TotalSeconds);
}
