using Microsoft.EntityFrameworkCore;
using Polly;
using Polly.Retry;

namespace Intake.Api.Data;

/// <summary>Saving again when another writer got there first (the lifecycle saga, or a concurrent event with the same
/// key): the tracked rows are dropped and the work runs again on fresh ones, at once. After the last attempt the
/// exception is the caller's to answer.</summary>
public static class SaveRetry
{
    public static ResiliencePipeline On(DbContext db, int attempts, Func<DbUpdateException, bool> retryWhen) =>
        new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle(retryWhen),
            MaxRetryAttempts = attempts - 1,
            Delay = TimeSpan.Zero,
            OnRetry = _ =>
            {
                db.ChangeTracker.Clear();
                return default;
            },
        }).Build();
}
