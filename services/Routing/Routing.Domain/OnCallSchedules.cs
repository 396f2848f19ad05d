using System.Globalization;
using System.Text.RegularExpressions;

namespace Routing.Domain;

/// <summary>An on-call schedule as a manager writes it (PUT /api/v1/routing/schedules/{id}).</summary>
public sealed record ScheduleDraft(string? Name = null, string? TimeZone = null, IReadOnlyList<LayerDraft?>? Layers = null, IReadOnlyList<OverrideDraft?>? Overrides = null, string? Id = null);

/// <summary>A layer as written: start "2026-11-30T09:00" in the schedule's zone, rotation "7.00:00:00".</summary>
public sealed record LayerDraft(string? Name = null, string? Start = null, TimeSpan? Rotation = null, IReadOnlyList<string?>? Participants = null, IReadOnlyList<RestrictionDraft?>? Restrictions = null);

public sealed record RestrictionDraft(IReadOnlyList<string?>? Days = null, string? From = null, string? To = null);

public sealed record OverrideDraft(string? MemberId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The rules of a schedule: a name; a known IANA zone; 1 to <see cref="MaxLayers"/> layers, each named, with a
/// start, a rotation of 1 hour to 90 days and 1 to <see cref="MaxParticipants"/> participants, each a member of one of
/// the tenant's teams and named once (an empty rotation pages nobody); restrictions on named days with a start before
/// their end; overrides for a member of a team, ending after they start, never two at the same time. Every failure is
/// named by its field, in words.</summary>
public static partial class OnCallSchedules
{
    public const int MaxLayers = 10;
    public const int MaxParticipants = 50;
    public const int MaxRestrictions = 14;
    public const int MaxOverrides = 100;
    public static readonly TimeSpan ShortestRotation = TimeSpan.FromHours(1);
    public static readonly TimeSpan LongestRotation = TimeSpan.FromDays(90);

    public static (OnCallSchedule? Schedule, IReadOnlyList<(string Field, string Message)> Errors) Check(string scheduleId, ScheduleDraft draft, IReadOnlySet<string> members)
    {
        var errors = new List<(string, string)>();
        if (!Identifier().IsMatch(scheduleId))
        {
            errors.Add(("id", "1 to 63 lowercase letters, digits and dashes, starting with a letter or digit"));
        }

        if (draft.Id is not null && draft.Id != scheduleId)
        {
            errors.Add(("id", $"the schedule's id in the address, {scheduleId}, or left out"));
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors.Add(("name", "required, 1 to 200 characters"));
        }

        if (draft.TimeZone is not { Length: > 0 and <= 64 } zone || !ZoneName().IsMatch(zone) || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            errors.Add(("timeZone", "an IANA time zone, such as Europe/Berlin or America/New_York"));
        }

        var layers = new List<ScheduleLayer>();
        if (draft.Layers is not { Count: > 0 and <= MaxLayers })
        {
            errors.Add(("layers", $"1 to {MaxLayers} layers"));
        }

        foreach (var (layer, index) in (draft.Layers ?? []).Select((layer, index) => (layer, index)))
        {
            if (Layer(layer, $"layers[{index}]", members, errors) is { } checkedLayer)
            {
                layers.Add(checkedLayer);
            }
        }

        var overrides = new List<ScheduleOverride>();
        if (draft.Overrides is { Count: > MaxOverrides })
        {
            errors.Add(("overrides", $"at most {MaxOverrides} overrides"));
        }

        foreach (var (entry, index) in (draft.Overrides ?? []).Take(MaxOverrides).Select((entry, index) => (entry, index)))
        {
            var field = $"overrides[{index}]";
            if (entry?.MemberId is not { } member || !members.Contains(member))
            {
                errors.Add(($"{field}.memberId", $"{entry?.MemberId ?? "nobody"} is a member of none of the tenant's teams"));
            }
            else if (entry.From is not { } start || entry.To is not { } end || end <= start)
            {
                errors.Add(($"{field}.to", "from and to as instants with an offset, to after from"));
            }
            else if (overrides.FindIndex(other => other.From < end && start < other.To) is var clash and >= 0)
            {
                errors.Add(($"{field}.from", $"overlaps overrides[{clash}]: one person is on call instead of the layers at a time"));
            }
            else
            {
                overrides.Add(new ScheduleOverride(member, start, end));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new OnCallSchedule(scheduleId, draft.Name!.Trim(), draft.TimeZone!, layers, overrides), []);
    }

    private static ScheduleLayer? Layer(LayerDraft? draft, string path, IReadOnlySet<string> members, List<(string, string)> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(draft?.Name) || draft.Name.Length > 200)
        {
            errors.Add(($"{path}.name", "required, 1 to 200 characters"));
        }

        if (!DateTime.TryParseExact(draft?.Start, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            errors.Add(($"{path}.start", "the first hand-over in the schedule's time zone, such as 2026-11-30T09:00"));
        }

        if (draft?.Rotation is not { } rotation || rotation < ShortestRotation || rotation > LongestRotation)
        {
            errors.Add(($"{path}.rotation", "how long each participant is on call: 01:00:00 (one hour) to 90.00:00:00 (90 days)"));
        }

        var participants = (draft?.Participants ?? []).ToList();
        if (participants.Count is 0 or > MaxParticipants)
        {
            errors.Add(($"{path}.participants", $"1 to {MaxParticipants} members: a rotation without participants pages nobody"));
        }

        foreach (var (participant, index) in participants.Select((participant, index) => (participant, index)))
        {
            if (participant is null || !members.Contains(participant))
            {
                errors.Add(($"{path}.participants[{index}]", $"{participant ?? "nobody"} is a member of none of the tenant's teams"));
            }
            else if (participants.IndexOf(participant) != index)
            {
                errors.Add(($"{path}.participants[{index}]", $"{participant} is named twice"));
            }
        }

        var restrictions = new List<Restriction>();
        if (draft?.Restrictions is { Count: > MaxRestrictions })
        {
            errors.Add(($"{path}.restrictions", $"at most {MaxRestrictions} restrictions"));
        }

        foreach (var (restriction, index) in (draft?.Restrictions ?? []).Take(MaxRestrictions).Select((restriction, index) => (restriction, index)))
        {
            var field = $"{path}.restrictions[{index}]";
            var names = restriction?.Days ?? [];
            var days = names.Select(day => Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var weekday) && !int.TryParse(day, out _) ? weekday : (DayOfWeek?)null).ToList();
            if (days.Count == 0 || days.Contains(null))
            {
                errors.Add(($"{field}.days", "one or more of monday, tuesday, wednesday, thursday, friday, saturday and sunday"));
            }

            if (!TimeOnly.TryParseExact(restriction?.From, "HH:mm", out var from) || !TimeOnly.TryParseExact(restriction?.To, "HH:mm", out var to) || from >= to)
            {
                errors.Add(($"{field}.to", "from and to as hours and minutes, such as 09:00 and 17:00, to after from"));
            }
            else
            {
                restrictions.Add(new Restriction([.. days.OfType<DayOfWeek>()], from, to));
            }
        }

        return errors.Count > before ? null : new ScheduleLayer(draft!.Name!.Trim(), start, draft.Rotation!.Value, [.. participants!], restrictions);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex ZoneName();
}
