using Intake.Api.Changes;
using Intake.Api.Data;

namespace Intake.Api.Caching;

public static class ReadCacheExtensions
{
    /// <summary>The read cache, invalidated by this intake's own saves and by the database's notifications of every
    /// intake's (see <see cref="ReadCache"/>). Disabled, it answers nothing and is not told of changes.</summary>
    public static IHostApplicationBuilder AddReadCache(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ReadCacheOptions.Section);
        builder.Services.Configure<ReadCacheOptions>(section);
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddSingleton<ReadCacheInvalidator>();
        builder.Services.ConfigureDbContext<IntakeDbContext>((services, options) => options.AddInterceptors(services.GetRequiredService<ReadCacheInvalidator>()));
        if (section.GetValue(nameof(ReadCacheOptions.Enabled), true))
        {
            // Told of every change by the one listener of intake (Changes/EscalationChangeListener).
            builder.Services.AddSingleton<IEscalationChangeObserver>(provider => provider.GetRequiredService<ReadCache>());
        }

        return builder;
    }
}
