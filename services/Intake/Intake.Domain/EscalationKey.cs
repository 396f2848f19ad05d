namespace Intake.Domain;

/// <summary>The human key of an escalation, numbered per tenant: ESC-000123.</summary>
public static class EscalationKey
{
    public const string Prefix = "ESC-";

    public static string Format(long number) => $"{Prefix}{number:D6}";
}
