using Notification.Api.Endpoints;
using Notification.Api.Extensions;
using EscalationPlatform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapNotificationApi();

app.Run();
