using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>How long someone has to acknowledge an offer, per severity, before it moves up the ladder.</summary>
public sealed record AcknowledgementWindows(IReadOnlyDictionary<Severity, TimeSpan> Windows)
{
    public static readonly AcknowledgementWindows Default = new(new Dictionary<Severity, TimeSpan>
    {
        [Severity.S1] = TimeSpan.FromMinutes(5),
        [Severity.S2] = TimeSpan.FromMinutes(15),
        [Severity.S3] = TimeSpan.FromHours(1),
        [Severity.S4] = TimeSpan.FromHours(4),
    });

    public TimeSpan For(Severity severity) => Windows.TryGetValue(severity, out var window) ? window : Default.Windows[severity];
}
