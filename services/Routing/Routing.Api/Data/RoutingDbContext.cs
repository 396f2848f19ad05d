using Microsoft.EntityFrameworkCore;

namespace Routing.Api.Data;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options);
