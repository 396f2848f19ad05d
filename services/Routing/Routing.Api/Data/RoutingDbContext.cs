using EscalationPlatform.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Routing.Api.Data;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}
