using EscalationPlatform.Gateway.Admin;
using EscalationPlatform.Gateway.Extensions;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Middleware;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Gateway.Tenants;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseTraceparentResponseHeader();
app.UseSecurityHeaders();
app.UseUnauthenticatedLimit();
app.UseDeclaredBodyLimit();
app.UseBufferedBody();
app.UseAuthentication();
app.UseMiddleware<PagerDutyRoutingKey>();
app.UseMiddleware<TenantFromCredential>();
app.UseMiddleware<RateLimitMiddleware>();
app.UseAuthorization();
app.UseMiddleware<StreamLimits>();
app.UseRequestTimeouts();
app.UseForwarderErrorProblems(); // inside the request timeout, to tell it from a caller that left

app.MapDefaultEndpoints();
app.MapDevTokenIssuer();
app.MapWhoAmI();
app.MapCredentialAdmin();
app.MapTenantProvisioning();
app.MapGatewayDocs();
app.MapReverseProxy();

app.Run();
