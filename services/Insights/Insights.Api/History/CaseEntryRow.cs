using EscalationPlatform.Contracts;

namespace Insights.Api.History;

/// <summary>One timeline entry of an escalation as insights keeps it (table case_entry). Keyed by what it says (the case,
/// when, what and who), so that the same entry arriving twice, live and from a rebuild, is kept once.</summary>
public sealed class CaseEntryRow
{
    public Guid EscalationId { get; set; }

    public string TenantId { get; set; } = "";

    public DateTime At { get; set; }

    public string What { get; set; } = "";

    public ActorKind ActorKind { get; set; }

    public string ActorId { get; set; } = "";

    public EscalationStatus? FromStatus { get; set; }

    public EscalationStatus? ToStatus { get; set; }

    public string? TeamId { get; set; }

    public string? TeamName { get; set; }

    public HistoryEntry ToEntry() => new(new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), What, ActorKind, ActorId, FromStatus, ToStatus, TeamId, TeamName);
}
