using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Data;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options);
