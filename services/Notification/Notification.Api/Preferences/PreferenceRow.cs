using Notification.Domain;

namespace Notification.Api.Preferences;

/// <summary>A person's notification preferences (<see cref="PersonPreferences"/>, a JSON column), by their directory id.</summary>
public sealed class PreferenceRow
{
    public required string TenantId { get; init; }

    public required string PersonId { get; init; }

    public required PersonPreferences Preferences { get; set; }

    public required DateTime UpdatedAt { get; set; }
}
