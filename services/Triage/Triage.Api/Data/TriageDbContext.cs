using Microsoft.EntityFrameworkCore;

namespace Triage.Api.Data;

public sealed class TriageDbContext(DbContextOptions<TriageDbContext> options) : DbContext(options);
