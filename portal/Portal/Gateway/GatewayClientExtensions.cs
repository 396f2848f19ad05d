using EscalationPlatform.Portal.Identity;
using Microsoft.Extensions.Http.Resilience;

namespace EscalationPlatform.Portal.Gateway;

public static class GatewayClientExtensions
{
    /// <summary>The gateway's address: the app host's service discovery ("gateway"), or Portal:GatewayUrl.</summary>
    public static IServiceCollection AddGatewayClient(this IServiceCollection services, IConfiguration configuration)
    {
        var address = new Uri(configuration["Portal:GatewayUrl"] ?? "https+http://gateway");
        // The standard resilience handler every client gets is replaced (removing it is marked experimental).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<GatewayClient>(client => client.BaseAddress = address)
            .RemoveAllResilienceHandlers().AddStandardResilienceHandler(WhileAPersonWaits);
        services.AddHttpClient<DevTokens>(client => client.BaseAddress = address);
        services.AddHttpClient(nameof(ExternalSignIn), client => client.BaseAddress = address);
        // A stream lasts as long as the page: no request timeout, and no retries (LiveChanges reconnects itself).
        services.AddHttpClient<LiveChanges>(client =>
        {
            client.BaseAddress = address;
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }

    /// <summary>A person waits on each answer. The gateway's 502, 503 or 504 is an answer already (problem details that
    /// say what is unavailable): it is shown, not tried again for half a minute; only a gateway that cannot be reached
    /// at all is tried again, briefly. No circuit breaker: one service down behind the gateway must not close every
    /// page of the portal.</summary>
    private static void WhileAPersonWaits(HttpStandardResilienceOptions options)
    {
        options.Retry.ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception is HttpRequestException);
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(300);
        options.CircuitBreaker.ShouldHandle = _ => ValueTask.FromResult(false);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
    }
}
