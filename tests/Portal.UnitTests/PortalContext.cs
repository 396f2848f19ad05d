using Bunit;
using EscalationPlatform.Portal.Components.Shared;
using EscalationPlatform.Portal.Gateway;
using EscalationPlatform.Portal.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Portal.UnitTests;

/// <summary>A bUnit context set up as Program.cs sets up the portal: MudBlazor, the viewer's time on a fake clock, and
/// the gateway client over <see cref="StubGateway"/>, signed in as <see cref="Person"/> (claims as the portal's sign-in
/// writes them, so the client finds the person's token).</summary>
public abstract class PortalContext : BunitContext
{
    public static readonly PortalUser Person = new("acme", "u-7", "Ann Agent", ["agent"], "ann-token", CaseRecords.Now.AddHours(8));

    protected PortalContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(CaseRecords.Now));
        Services.AddScoped<ViewerTime>();
        Services.AddScoped(services => new GatewayClient(new HttpClient(Gateway) { BaseAddress = new Uri("http://gateway.test") },
            services.GetRequiredService<AuthenticationStateProvider>()));
        Services.AddScoped<FeedState>();
        Services.AddTransient(services => new LiveChanges(new HttpClient(Live) { BaseAddress = new Uri("http://gateway.test") },
            services.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<FeedState>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<LiveChanges>.Instance));

        SignIn(Person);
    }

    /// <summary>Signs <paramref name="person"/> in instead (another role).</summary>
    protected void SignIn(PortalUser person)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(person.Name);
        authorization.SetRoles([.. person.Roles]);
        authorization.SetClaims([.. person.ToPrincipal().Claims.Where(claim => claim.Type != System.Security.Claims.ClaimTypes.Role)]);
    }

    protected StubGateway Gateway { get; } = new();

    /// <summary>The change stream (GET /api/v1/escalations/changes), apart from <see cref="Gateway"/>'s requests.</summary>
    protected StubGateway Live { get; } = new();
}
