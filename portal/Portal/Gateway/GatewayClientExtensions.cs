using EscalationPlatform.Portal.Identity;

namespace EscalationPlatform.Portal.Gateway;

public static class GatewayClientExtensions
{
    /// <summary>The gateway's address: the app host's service discovery ("gateway"), or Portal:GatewayUrl.</summary>
    public static IServiceCollection AddGatewayClient(this IServiceCollection services, IConfiguration configuration)
    {
        var address = new Uri(configuration["Portal:GatewayUrl"] ?? "https+http://gateway");
        services.AddHttpClient<GatewayClient>(client => client.BaseAddress = address);
        services.AddHttpClient<DevTokens>(client => client.BaseAddress = address);
        return services;
    }
}
