using Routing.Api.Endpoints;
using Routing.Api.Extensions;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRoutingApi();

app.Run();
