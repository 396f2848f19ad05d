using EscalationPlatform.Gateway.Extensions;
using EscalationPlatform.Gateway.Middleware;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseTraceparentResponseHeader();
app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();
