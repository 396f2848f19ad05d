using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Sla.Api.Data;
using Sla.Domain;

namespace Sla.Api.Clocks;

public sealed record ClockView(
    ClockKind Kind, string State, DateTimeOffset StartedAt, DateTimeOffset? DueAt, long TargetSeconds, long ElapsedSeconds,
    int PercentElapsed, long PausedSeconds, DateTimeOffset? MetAt, DateTimeOffset? BreachedAt, CalendarKind Calendar);

public sealed record EscalationClocksView(Guid EscalationId, IReadOnlyList<ClockView> Clocks, bool Breached, DateTimeOffset? NextUpdateDue);

/// <summary>The clocks of escalations as of now, derived from their histories.</summary>
public sealed class ClockReports(SlaDbContext db, ClockKeeper keeper)
{
    public const int MaxPerCall = 500;

    public async Task<IReadOnlyList<EscalationClocksView>> ForAsync(string tenantId, IReadOnlyCollection<Guid> escalationIds, CancellationToken cancellationToken)
    {
        var states = await db.Clocks.AsNoTracking()
            .Where(state => state.TenantId == tenantId && escalationIds.Contains(state.CorrelationId))
            .ToListAsync(cancellationToken);
        var views = new List<EscalationClocksView>(states.Count);
        foreach (var state in states)
        {
            var report = await keeper.ReportAsync(state, cancellationToken);
            views.Add(new(state.CorrelationId, [.. report.Clocks.Select(View)], report.Breached, report.NextUpdateDue));
        }

        return views;
    }

    private static ClockView View(ClockStatus clock) => new(
        clock.Kind,
        KebabEnum<ClockState>.Name(clock.State),
        clock.StartedAt,
        clock.DueAt,
        (long)clock.Target.TotalSeconds,
        (long)clock.Elapsed.TotalSeconds,
        clock.PercentElapsed,
        (long)clock.Paused.TotalSeconds,
        clock.MetAt,
        clock.BreachedAt,
        clock.Calendar);
}
