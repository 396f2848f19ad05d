using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Web.Tenancy;

public static class TenantServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayTrust>();
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(provider => provider.GetRequiredService<TenantContext>());
        return services;
    }

    /// <summary>Outside Development a process without the trust key would take any caller's word for its tenant:
    /// it refuses to start instead.</summary>
    public static void RequireTrustKeyOutsideDevelopment(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[GatewayTrust.KeySetting]) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{GatewayTrust.KeySetting} is not configured: outside Development every platform process needs the shared trust key " +
                "(a base64 secret of 32 random bytes), or it would trust any caller's tenant.");
        }
    }
}
