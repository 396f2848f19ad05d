using Triage.Domain;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>A change a partner posted (<see cref="ChangeEvent"/>): kept to explain the problems and cases that follow it.</summary>
public sealed class ChangeRow
{
    public required string TenantId { get; init; }

    public required Guid Id { get; init; }

    public required ChangeKind Kind { get; init; }

    public required string Summary { get; init; }

    public string? Source { get; init; }

    public string? ProductArea { get; init; }

    public string? Release { get; init; }

    public required DateTime At { get; init; }

    public string? Link { get; init; }

    /// <summary>"api" or "pagerduty": the door it came in by.</summary>
    public required string Via { get; init; }

    public required string ReceivedBy { get; init; }

    public required DateTime ReceivedAt { get; init; }

    public static ChangeRow Of(string tenantId, ChangeEvent change, string via, string receivedBy, DateTimeOffset now) => new()
    {
        TenantId = tenantId, Id = Guid.CreateVersion7(now), Kind = change.Kind, Summary = change.Summary, Source = change.Source,
        ProductArea = change.ProductArea, Release = change.Release, At = change.At.UtcDateTime, Link = change.Link, Via = via,
        ReceivedBy = receivedBy, ReceivedAt = now.UtcDateTime,
    };

    public ChangeEvent Change() => new(Summary, Kind, Source, ProductArea, Release, new DateTimeOffset(At, TimeSpan.Zero), Link);

    public ChangeView View() => new(Id, Wire.Name(Kind), Summary, Source, ProductArea, Release, new DateTimeOffset(At, TimeSpan.Zero), Link, Via);
}

/// <summary>A change as the API shows it.</summary>
public sealed record ChangeView(Guid Id, string Kind, string Summary, string? Source, string? ProductArea, string? Release, DateTimeOffset At, string? Link, string Via);
