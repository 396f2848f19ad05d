namespace EscalationPlatform.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    /// <summary>YARP with routes and clusters from configuration ("ReverseProxy"); destinations are service
    /// names (http://intake-api) resolved by service discovery.</summary>
    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
