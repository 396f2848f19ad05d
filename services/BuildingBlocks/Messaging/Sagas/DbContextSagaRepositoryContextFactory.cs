using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging.Sagas;

/// <summary>Saga persistence on the service's own DbContext (the scoped one, shared with the transactional
/// consume filter, so the saga row, the inbox record and the outbox commit together). The correlation id is the
/// primary key; concurrent transitions of one saga are caught by PostgreSQL's xmin (optimistic concurrency): the
/// loser's SaveChanges throws, its transaction rolls back, and the message is retried.</summary>
public sealed class DbContextSagaRepositoryContextFactory<TDbContext, TSaga>(
    TDbContext dbContext, ISagaConsumeContextFactory<TDbContext, TSaga> factory) :
    ISagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>
    where TDbContext : DbContext
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql-ef-core");

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class =>
        InTransaction(context.CancellationToken,
            () => next.Send(new DbContextSagaRepositoryContext<TDbContext, TSaga, T>(dbContext, context, factory)));

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        InTransaction(context.CancellationToken, async () =>
        {
            var instances = await dbContext.Set<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            var repositoryContext = new DbContextSagaRepositoryContext<TDbContext, TSaga, T>(dbContext, context, factory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        });

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new DbContextSagaQueryContext<TSaga>(dbContext, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new DbContextSagaQueryContext<TSaga>(dbContext, cancellationToken));

    /// <summary>Joins the consume filter's transaction; opens its own only when used without one.</summary>
    private async Task InTransaction(CancellationToken cancellationToken, Func<Task> work)
    {
        if (dbContext.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await dbContext.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(CancellationToken.None);
    }
}
