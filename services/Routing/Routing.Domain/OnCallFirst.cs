using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>SPEC section 5: after hours and for S1 the on-call responder is paged. A team with an on-call schedule
/// offers such a case first to whoever is on call; the member its strategy chose becomes the backup (or, when that is
/// the responder, the strategy's backup stays).</summary>
public static class OnCallFirst
{
    public static bool Applies(Severity severity, bool afterHours) => severity == Severity.S1 || afterHours;

    public static Assignment Page(Assignment chosen, string onCallId) =>
        new(onCallId, chosen.OwnerId == onCallId ? chosen.BackupId : chosen.OwnerId);

    /// <summary>Why: "on call in Database on-call (S1); backup: least loaded in Database".</summary>
    public static string Reason(string scheduleName, Severity severity, string how) =>
        $"on call in {scheduleName} ({(severity == Severity.S1 ? "S1" : "after hours")}); backup: {how}";
}
