namespace Intake.Api.Lifecycle;

/// <summary>Configuration section "Lifecycle".</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>A resolved escalation closes by itself when the customer neither confirms nor objects this long.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(3);
}
