using EscalationPlatform.ServiceDefaults;
using Sla.Api.Endpoints;
using Sla.Api.Extensions;
using Sla.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSlaApi();
app.MapGrpcService<SlaGrpcService>();

app.Run();
