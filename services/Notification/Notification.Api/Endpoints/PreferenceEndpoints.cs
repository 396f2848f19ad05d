using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Notification.Api.Data;
using Notification.Api.Preferences;
using Notification.Domain;

namespace Notification.Api.Endpoints;

/// <summary>A person's preferences as the API shows and takes them; quiet hours as "22:00" to "07:00".</summary>
public sealed record PreferencesDocument(bool? Email = null, bool? InApp = null, string? TimeZone = null, QuietHoursDocument? QuietHours = null);

public sealed record QuietHoursDocument(string? From = null, string? To = null);

/// <summary>How each person is told (channels, quiet hours, time zone): their own (<c>me</c>, the credential's person)
/// or, for a manager, anyone's by directory id.</summary>
public static class PreferenceEndpoints
{
    public static void Map(RouteGroupBuilder preferences)
    {
        preferences.MapGet("/me", (NotificationDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
                GetAsync(db, tenant.TenantId, tenant.Actor.Id, cancellationToken))
            .WithSummary("The caller's notification preferences (the defaults until they set any).");
        preferences.MapPut("/me", (PreferencesDocument document, NotificationDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken) =>
                PutAsync(document, db, tenant.TenantId, tenant.Actor.Id, clock, cancellationToken))
            .WithSummary("Sets the caller's channels (email, in-app), quiet hours and time zone. S1/S2 and breaches come by email whatever is set.");
        preferences.MapGet("/{personId}", async Task<Results<Ok<PreferencesDocument>, ValidationProblem>> (
                    string personId, NotificationDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
                PersonIdProblem(personId) is { } problem ? problem.ToProblem() : await GetAsync(db, tenant.TenantId, personId, cancellationToken))
            .WithSummary("A person's notification preferences, by their directory id.");
        preferences.MapPut("/{personId}", (string personId, PreferencesDocument document, NotificationDbContext db, ITenantContext tenant, TimeProvider clock,
                CancellationToken cancellationToken) => PutAsync(document, db, tenant.TenantId, personId, clock, cancellationToken))
            .WithSummary("Sets a person's notification preferences, by their directory id.");
    }

    private static async Task<Ok<PreferencesDocument>> GetAsync(NotificationDbContext db, string tenantId, string personId, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().Where(row => row.TenantId == tenantId && row.PersonId == personId)
            .Select(row => row.Preferences).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(View(stored ?? PersonPreferences.Default));
    }

    private static async Task<Results<Ok<PreferencesDocument>, ValidationProblem>> PutAsync(
        PreferencesDocument document, NotificationDbContext db, string tenantId, string personId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = PersonIdProblem(personId) ?? new ValidationErrors();
        var preferences = Read(document, errors);
        if (preferences is not null)
        {
            errors.AddAll(PersonPreferences.Check(preferences));
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem("The preferences are not valid.");
        }

        var row = await db.Preferences.FirstOrDefaultAsync(row => row.TenantId == tenantId && row.PersonId == personId, cancellationToken);
        if (row is null)
        {
            db.Preferences.Add(new PreferenceRow { TenantId = tenantId, PersonId = personId, Preferences = preferences!, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            (row.Preferences, row.UpdatedAt) = (preferences!, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(preferences!));
    }

    /// <summary>A person's directory id (or the actor id a credential names them by): 1 to 300 letters, digits and . _ @ : -.</summary>
    private static ValidationErrors? PersonIdProblem(string personId) =>
        personId.Length is > 0 and <= 300 && personId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '@' or ':' or '-')
            ? null
            : new ValidationErrors().Add("personId", "a person's id: 1 to 300 letters, digits and . _ @ : -");

    private static PersonPreferences? Read(PreferencesDocument document, ValidationErrors errors)
    {
        QuietHours? quiet = null;
        if (document.QuietHours is { } hours)
        {
            var from = Time("quietHours.from", hours.From, errors);
            var to = Time("quietHours.to", hours.To, errors);
            if (from is null || to is null)
            {
                return null;
            }

            quiet = new QuietHours(from.Value, to.Value);
        }

        return new PersonPreferences(document.Email ?? true, document.InApp ?? true, quiet, document.TimeZone ?? "UTC");
    }

    private static TimeOnly? Time(string field, string? text, ValidationErrors errors)
    {
        if (TimeOnly.TryParseExact(text, "HH:mm", out var time))
        {
            return time;
        }

        errors.Add(field, "a time of day as HH:mm, for example 22:00");
        return null;
    }

    private static PreferencesDocument View(PersonPreferences preferences) => new(preferences.Email, preferences.InApp, preferences.TimeZone,
        preferences.QuietHours is { } quiet ? new QuietHoursDocument(quiet.From.ToString("HH:mm"), quiet.To.ToString("HH:mm")) : null);
}
