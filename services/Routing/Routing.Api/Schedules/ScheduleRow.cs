using System.Text.Json;
using Routing.Domain;

namespace Routing.Api.Schedules;

/// <summary>An on-call schedule of a tenant: its document as checked (<see cref="OnCallSchedules"/>), in a JSON column.</summary>
public sealed class ScheduleRow
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public required string TenantId { get; init; }

    public required string Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The schedule as written (a <see cref="ScheduleDraft"/> that passed every check).</summary>
    public required string Definition { get; set; }

    public uint RowVersion { get; set; }

    public ScheduleDraft Draft() => JsonSerializer.Deserialize<ScheduleDraft>(Definition, Web)!;

    public static string Serialize(ScheduleDraft draft) => JsonSerializer.Serialize(draft with { Id = null }, Web);

    /// <summary>The schedule to resolve: its document checked again against the members as they are now (a member who
    /// left every team makes it invalid, and then nobody is paged from it: null).</summary>
    public OnCallSchedule? Schedule(IReadOnlySet<string> members) => OnCallSchedules.Check(Id, Draft(), members).Schedule;
}
