namespace EscalationPlatform.Contracts;

/// <summary>A case was handed to the platform: triage assesses it.</summary>
public sealed record EscalationSubmitted
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required CaseFacts Facts { get; init; }

    /// <summary>Who submitted the escalation: the credential's actor id (added; older senders leave it null).</summary>
    public string? SubmittedBy { get; init; }
}

/// <summary>Facts were added to a case (for example what triage asked for): triage assesses it again.</summary>
public sealed record EscalationFactsUpdated
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required CaseFacts Facts { get; init; }
}

/// <summary>A case is triaged and complete enough to be owned: routing finds its owner, SLA starts its clocks. It is
/// also the status change to Triaged (no EscalationStatusChanged is published for it), hence <see cref="From"/> and
/// <see cref="Reason"/>.</summary>
public sealed record EscalationTriaged
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required CaseFacts Facts { get; init; }

    public bool HandoffIncomplete { get; init; }

    /// <summary>The status the case was triaged from: Submitted or NeedsInformation (added; older senders leave it
    /// Submitted).</summary>
    public EscalationStatus From { get; init; } = EscalationStatus.Submitted;

    /// <summary>Why this severity: the rules that fired (added).</summary>
    public string? Reason { get; init; }

    public required DateTimeOffset TriagedAt { get; init; }

    /// <summary>True when intake had triage's assessment at submission (a synchronous call) and published no
    /// EscalationSubmitted: this event is then also the submission (added; older senders leave it false).</summary>
    public bool AnnouncesSubmission { get; init; }

    /// <summary>Who submitted the escalation: the credential's actor id (added; older senders leave it null).</summary>
    public string? SubmittedBy { get; init; }
}

/// <summary>The record moved from one status to another, and who moved it and why: every move intake decides itself.
/// The move to Triaged is announced by EscalationTriaged and the first offer's move to Assigned by routing's
/// EscalationOffered; neither has an EscalationStatusChanged.</summary>
public sealed record EscalationStatusChanged
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required EscalationStatus From { get; init; }

    public required EscalationStatus To { get; init; }

    public required Actor Actor { get; init; }

    public string? Reason { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A case went back to the frontline with a known error's workaround instead of to an expert team (status
/// deflected): the submitter and the customer are told, with the workaround. Also announced as a status change.</summary>
public sealed record EscalationDeflected
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required CustomerRef Customer { get; init; }

    /// <summary>Who handed the case in: a person's id, or "key:{id}" for a partner credential.</summary>
    public required string SubmittedBy { get; init; }

    public required CaseDeflection Deflection { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A public update was posted to the customer: the update clock starts over.</summary>
public sealed record CustomerUpdatePosted
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Message { get; init; }

    public required Actor Actor { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A case's severity changed after it was triaged: a person raised or lowered it with a reason, or triage
/// assessed it again after new facts. Routing re-plans an unanswered offer under the new severity's window, sla derives
/// the clocks again under the new severity's targets, and leadership is told when it rises into S1 or S2.</summary>
public sealed record EscalationSeverityChanged
{
    public required Guid EscalationId { get; init; }

    public required string TenantId { get; init; }

    public required string Key { get; init; }

    public required string Title { get; init; }

    public required Severity From { get; init; }

    public required Severity To { get; init; }

    /// <summary>Who changed it: a person, or triage after new facts.</summary>
    public required Actor Actor { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset At { get; init; }

    public CustomerRef? Customer { get; init; }
}
