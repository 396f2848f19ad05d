namespace Intake.Domain;

/// <summary>What the tenant's webhook subscriptions want as last announced; an announcement older than the one kept
/// (redelivered late, or from a replica that read earlier) does not replace it.</summary>
public static class WebhookInterestRule
{
    public static bool Replaces(DateTimeOffset? kept, DateTimeOffset announced) => kept is not { } at || announced > at;
}
