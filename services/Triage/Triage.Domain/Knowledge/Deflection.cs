using System.Globalization;
using EscalationPlatform.Contracts;

namespace Triage.Domain.Knowledge;

/// <summary>Whether a case goes back to the frontline with a known error's workaround instead of to an expert team.</summary>
public sealed record DeflectionDecision(bool Deflect, string Why);

/// <summary>SPEC section 4: a strong match on an S3 or S4 case can be deflected; S1 and S2 never are (the cost of being
/// wrong is a severe case left without an expert). Strong means at or above the tenant's threshold, and only an
/// article with a workaround can be given back.</summary>
public static class Deflection
{
    public const double DefaultThreshold = 0.85;

    public static DeflectionDecision Decide(Severity severity, Suggestion? best, string? workaround, KnowledgeSettings settings)
    {
        if (!settings.Deflect)
        {
            return new(false, "deflection is switched off in the knowledge settings");
        }

        var threshold = settings.DeflectionThreshold;
        if (severity is Severity.S1 or Severity.S2)
        {
            return new(false, $"{severity} cases are never deflected");
        }

        if (best is null)
        {
            return new(false, "no known error matches");
        }

        if (best.Score < threshold)
        {
            return new(false, string.Create(CultureInfo.InvariantCulture, $"the best match scores {best.Score:0.00}, below the threshold {threshold:0.00}"));
        }

        return !string.IsNullOrWhiteSpace(workaround)
            ? new(true, string.Create(CultureInfo.InvariantCulture, $"matches the known error \"{best.Title}\" ({best.Score:0.00}), which has a workaround"))
            : new(false, $"the known error \"{best.Title}\" has no workaround to give back");
    }
}
