namespace EscalationPlatform.Gateway.Identity;

/// <summary>The roles of portal users (JWT "role" claims), from least to most trusted.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [Agent, Lead, Manager, Admin];
}
