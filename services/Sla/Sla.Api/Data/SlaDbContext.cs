using Microsoft.EntityFrameworkCore;

namespace Sla.Api.Data;

public sealed class SlaDbContext(DbContextOptions<SlaDbContext> options) : DbContext(options);
