using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Messaging.Sagas;

public static class SagaRepositoryRegistration
{
    /// <summary>Persists the saga on the service's DbContext:
    /// <c>x.AddSagaStateMachine&lt;M, S&gt;().DbContextRepository&lt;IntakeDbContext&gt;()</c>.</summary>
    public static ISagaRegistrationConfigurator<TSaga> DbContextRepository<TDbContext, TSaga>(this ISagaRegistrationConfigurator<TSaga> saga)
        where TDbContext : DbContext
        where TSaga : class, ISaga
    {
        saga.Repository(repository =>
        {
            RegistrationServiceCollectionExtensions.RegisterLoadSagaRepository<TSaga, DbContextSagaRepositoryContextFactory<TDbContext, TSaga>>(repository);
            RegistrationServiceCollectionExtensions.RegisterQuerySagaRepository<TSaga, DbContextSagaRepositoryContextFactory<TDbContext, TSaga>>(repository);
            RegistrationServiceCollectionExtensions.RegisterSagaRepository<TSaga, TDbContext, SagaConsumeContextFactory<TDbContext, TSaga>,
                DbContextSagaRepositoryContextFactory<TDbContext, TSaga>>(repository);
        });
        return saga;
    }
}
