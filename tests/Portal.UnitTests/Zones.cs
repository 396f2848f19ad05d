namespace Portal.UnitTests;

/// <summary>Viewer time zones made here, so no test depends on the machine's zone database or its own zone.</summary>
internal static class Zones
{
    public static TimeZoneInfo PlusTwo { get; } = TimeZoneInfo.CreateCustomTimeZone("Test/PlusTwo", TimeSpan.FromHours(2), "UTC+02", "UTC+02");

    public static TimeZoneInfo MinusFive { get; } = TimeZoneInfo.CreateCustomTimeZone("Test/MinusFive", TimeSpan.FromHours(-5), "UTC-05", "UTC-05");
}
