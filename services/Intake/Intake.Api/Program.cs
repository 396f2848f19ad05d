using Intake.Api.Endpoints;
using Intake.Api.Extensions;
using Intake.Api.Grpc;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapIntakeApi();
app.MapGrpcService<EscalationsGrpcService>();
app.MapGrpcService<CaseFactsGrpcService>();

app.Run();
