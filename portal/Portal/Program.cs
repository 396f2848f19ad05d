using EscalationPlatform.Portal.Components;
using EscalationPlatform.Portal.Components.Shared;
using EscalationPlatform.Portal.Gateway;
using EscalationPlatform.Portal.Identity;
using EscalationPlatform.ServiceDefaults;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.AddSharedSessionState();
builder.Services.AddPortalSignIn(builder.Configuration);
builder.Services.AddGatewayClient(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<ViewerTime>();
builder.Services.AddScoped<FeedState>();

var app = builder.Build();

app.UseExceptionHandler("/status/500", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapSignOut();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
