using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Sla.Domain;

namespace Sla.Api.Policies;

public sealed record TargetDocument(TimeSpan Duration, CalendarKind Calendar);

public sealed record SeverityTargetsDocument(TargetDocument FirstResponse, TargetDocument Resolution, TargetDocument? CustomerUpdate = null);

/// <summary>An SLA policy as the API reads and writes it. On PUT every part is optional: what is given replaces
/// that part of the tenant's policy (targets per severity), the rest stays as it was.</summary>
public sealed record PolicyDocument
{
    public IReadOnlyDictionary<Severity, SeverityTargetsDocument>? Targets { get; init; }

    public double? StrategicResponseFactor { get; init; }

    public IReadOnlyList<int>? WarningPercents { get; init; }

    /// <summary>{ "monday": ["09:00", "17:00"], … }: the days listed are open, the others closed. Keyed by the
    /// text as sent, so that an unknown or repeated day is named back to the caller.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimeOnly>>? BusinessHours { get; init; }

    public IReadOnlyList<DateOnly>? Holidays { get; init; }

    public static readonly TimeSpan LongestTarget = TimeSpan.FromDays(365);

    public static PolicyDocument From(SlaPolicy policy) => new()
    {
        Targets = policy.Targets.ToDictionary(pair => pair.Key, pair => new SeverityTargetsDocument(
            Target(pair.Value.FirstResponse), Target(pair.Value.Resolution), pair.Value.CustomerUpdate is { } update ? Target(update) : null)),
        StrategicResponseFactor = policy.StrategicResponseFactor,
        WarningPercents = policy.WarningPercents,
        BusinessHours = policy.Hours.Days.ToDictionary(pair => DayNames.Name(pair.Key), pair => (IReadOnlyList<TimeOnly>)[pair.Value.Open, pair.Value.Close]),
        Holidays = [.. policy.Holidays.Order()],
    };

    public void Validate(ValidationErrors errors)
    {
        foreach (var (severity, targets) in Targets ?? new Dictionary<Severity, SeverityTargetsDocument>())
        {
            if (targets is null)
            {
                errors.Add($"targets.{severity}", "must be an object with firstResponse, resolution and (optionally) customerUpdate");
                continue;
            }

            ValidateTarget(errors, $"targets.{severity}.firstResponse", targets.FirstResponse);
            ValidateTarget(errors, $"targets.{severity}.customerUpdate", targets.CustomerUpdate);
            ValidateTarget(errors, $"targets.{severity}.resolution", targets.Resolution);
        }

        if (StrategicResponseFactor is { } factor && (factor <= 0 || factor > 1))
        {
            errors.Add("strategicResponseFactor", "greater than 0 and at most 1");
        }

        if (WarningPercents is { } warnings && (warnings.Count > 5 || warnings.Any(percent => percent is < 1 or > 99) || warnings.Distinct().Count() != warnings.Count))
        {
            errors.Add("warningPercents", "up to 5 different percentages between 1 and 99");
        }

        if (BusinessHours is not null)
        {
            DayNames.ValidateHours(BusinessHours, errors);
        }

        if (Holidays is { Count: > 400 })
        {
            errors.Add("holidays", "at most 400 dates");
        }
    }

    /// <summary>This document laid over a policy: what it gives replaces, the rest stays.</summary>
    public SlaPolicy ApplyTo(SlaPolicy policy) => new(
        Targets is null
            ? policy.Targets
            : Enum.GetValues<Severity>().ToDictionary(severity => severity, severity => Targets.TryGetValue(severity, out var given)
                ? new SeverityTargets(Target(given.FirstResponse), given.CustomerUpdate is { } update ? Target(update) : null, Target(given.Resolution))
                : policy.Targets[severity]),
        StrategicResponseFactor ?? policy.StrategicResponseFactor,
        WarningPercents ?? policy.WarningPercents,
        BusinessHours is null ? policy.Hours : new BusinessHours(BusinessHours.ToDictionary(pair => DayNames.Parse(pair.Key)!.Value, pair => (pair.Value[0], pair.Value[1]))),
        Holidays is null ? policy.Holidays : Holidays.ToHashSet());

    private static void ValidateTarget(ValidationErrors errors, string field, TargetDocument? target)
    {
        if (target is not null && (target.Duration <= TimeSpan.Zero || target.Duration > LongestTarget))
        {
            errors.Add($"{field}.duration", $"longer than zero and at most {LongestTarget.TotalDays:0} days");
        }
    }

    private static TargetDocument Target(ClockTarget target) => new(target.Duration, target.Calendar);

    private static ClockTarget Target(TargetDocument target) => new(target.Duration, target.Calendar);
}
