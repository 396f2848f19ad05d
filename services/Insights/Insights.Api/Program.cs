using EscalationPlatform.ServiceDefaults;
using Insights.Api.Endpoints;
using Insights.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapInsightsApi();

app.Run();
