namespace Insights.Domain;

/// <summary>The age buckets the backlog is shown in: how long open cases have been open.</summary>
public static class BacklogAges
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Under)> Buckets =
    [
        ("under-1h", TimeSpan.FromHours(1)),
        ("1h-4h", TimeSpan.FromHours(4)),
        ("4h-1d", TimeSpan.FromDays(1)),
        ("1d-3d", TimeSpan.FromDays(3)),
        ("3d-7d", TimeSpan.FromDays(7)),
        ("7d-30d", TimeSpan.FromDays(30)),
    ];

    public const string Oldest = "over-30d";

    public static string Of(TimeSpan age) => Buckets.FirstOrDefault(bucket => age < bucket.Under).Name ?? Oldest;

    public static bool IsBucket(string name) => name == Oldest || Buckets.Any(bucket => bucket.Name == name);
}
