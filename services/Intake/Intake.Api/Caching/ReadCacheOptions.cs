namespace Intake.Api.Caching;

/// <summary>The in-process cache of record and queue reads ("Intake:ReadCache" section).</summary>
public sealed class ReadCacheOptions
{
    public const string Section = "Intake:ReadCache";

    /// <summary>False: every read goes to the database (and no listener runs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>What the cache may hold, in units: a record counts one plus its timeline entries, a queue page one plus
    /// its rows. About a kilobyte a unit: the default keeps the cache near 20 MiB, within the service's memory budget.</summary>
    public long SizeLimit { get; set; } = 20_000;
}
