using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.Api.Schedules;

/// <summary>A tenant's schedule as it resolves now, with the tenant's members by id; <see cref="Schedule"/> is null
/// when it names someone who is no longer in any team.</summary>
public sealed record ResolvedSchedule(OnCallSchedule? Schedule, IReadOnlyDictionary<string, MemberRow> Members)
{
    /// <summary>Who is on call at <paramref name="at"/> and by which layer (or override); null for nobody.</summary>
    public (MemberRow Member, string Source)? At(DateTimeOffset at) =>
        Schedule?.At(at) is { } onCall ? (Members[onCall.MemberId], onCall.Source) : null;
}

/// <summary>Reads a schedule and the members it may name, for the REST API, gRPC OnCallNow and the offer planner alike.</summary>
public sealed class OnCallLookup(RoutingDbContext db)
{
    /// <summary>The schedule; null when the tenant has none of that id.</summary>
    public async Task<ResolvedSchedule?> FindAsync(string tenantId, string scheduleId, CancellationToken cancellationToken)
    {
        if (await db.Schedules.AsNoTracking().SingleOrDefaultAsync(row => row.TenantId == tenantId && row.Id == scheduleId, cancellationToken) is not { } row)
        {
            return null;
        }

        var members = await db.Members.AsNoTracking().Where(member => member.TenantId == tenantId).ToDictionaryAsync(member => member.Id, cancellationToken);
        return new ResolvedSchedule(row.Schedule(members.Keys.ToHashSet()), members);
    }
}
