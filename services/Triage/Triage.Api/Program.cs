using EscalationPlatform.ServiceDefaults;
using Triage.Api.Endpoints;
using Triage.Api.Extensions;
using Triage.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapTriageApi();
app.MapGrpcService<TriageGrpcService>();

app.Run();
