using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Notification.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class NotificationDbContextDesignTimeFactory : IDesignTimeDbContextFactory<NotificationDbContext>
{
    public NotificationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationDbContext>().UseNpgsql("Host=localhost;Database=notificationdb").Options);
}
