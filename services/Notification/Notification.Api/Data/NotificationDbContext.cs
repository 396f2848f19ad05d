using Microsoft.EntityFrameworkCore;

namespace Notification.Api.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options);
