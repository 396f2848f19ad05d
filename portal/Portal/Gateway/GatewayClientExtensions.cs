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
        services.AddHttpClient(nameof(ExternalSignIn), client => client.BaseAddress = address);
        // A stream lasts as long as the page: no request timeout, and no retries (LiveChanges reconnects itself). The
        // standard resilience handler every client gets would end it after 30 s; removing it is marked experimental.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<LiveChanges>(client =>
        {
            client.BaseAddress = address;
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }
}
