using Triage.Api.Endpoints;
using Triage.Api.Extensions;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapTriageApi();

app.Run();
