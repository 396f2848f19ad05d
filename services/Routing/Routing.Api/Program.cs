using EscalationPlatform.ServiceDefaults;
using Routing.Api.Endpoints;
using Routing.Api.Extensions;
using Routing.Api.Grpc;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRoutingApi();
app.MapGrpcService<RoutingGrpcService>();

app.Run();
