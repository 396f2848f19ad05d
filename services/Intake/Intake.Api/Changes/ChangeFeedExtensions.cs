namespace Intake.Api.Changes;

public static class ChangeFeedExtensions
{
    /// <summary>The change feed and its listener: what the portal's live queues and case pages follow.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services) =>
        services.AddSingleton<ChangeFeed>().AddHostedService<ChangeFeedListener>();
}
