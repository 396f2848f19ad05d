using Intake.Domain;

namespace Intake.Api.Records;

/// <summary>How an escalation was resolved (stored as JSON on the record).</summary>
public sealed record ResolutionDetails(ResolutionKind Kind, string Summary, string? RootCause, DateTime ResolvedAt, string ResolvedBy);
