namespace Insights.Api.Csat;

/// <summary>A customer's rating of how an escalation was handled (table csat_rating): one per escalation, so a rating
/// link works once.</summary>
public sealed class CsatRating
{
    public Guid EscalationId { get; set; }

    public string TenantId { get; set; } = "";

    /// <summary>1 (very unhappy) to 5 (very happy).</summary>
    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTime RatedAt { get; set; }
}
