using Sla.Api.Endpoints;
using Sla.Api.Extensions;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSlaApi();

app.Run();
