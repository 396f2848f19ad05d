using EscalationPlatform.AppHost;
using EscalationPlatform.AppHost.Infrastructure;
using EscalationPlatform.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);
try
{
    var ports = PlatformPorts.From(builder.Configuration);

    // Infrastructure: PostgreSQL with a database per service, RabbitMQ, Redis, and a development mail server.
    var infrastructure = InfrastructureResources.Add(builder);
    var mail = builder.AddMailServer("mail", infrastructure.StateDirectory, ports.MailWeb);
    var secrets = PlatformSecrets.Add(builder, infrastructure.StateDirectory);

    // Services: each owns its database; all share the broker and the cache.
    var intake = builder.AddPlatformService<Projects.Intake_Api>("intake-api", infrastructure.AddDatabase("intakedb"), infrastructure, secrets);
    var triage = builder.AddPlatformService<Projects.Triage_Api>("triage-api", infrastructure.AddDatabase("triagedb"), infrastructure, secrets);
    var routing = builder.AddPlatformService<Projects.Routing_Api>("routing-api", infrastructure.AddDatabase("routingdb"), infrastructure, secrets);
    var sla = builder.AddPlatformService<Projects.Sla_Api>("sla-api", infrastructure.AddDatabase("sladb"), infrastructure, secrets);
    var notification = builder.AddPlatformService<Projects.Notification_Api>("notification-api", infrastructure.AddDatabase("notificationdb"), infrastructure, secrets)
        .WithReference(mail).WaitFor(mail);
    var insights = builder.AddPlatformService<Projects.Insights_Api>("insights-api", infrastructure.AddDatabase("insightsdb"), infrastructure, secrets);
    intake.WithReference(sla); // the record shows each clock, asked of sla over gRPC
    intake.WithReference(triage); // a submission is assessed at once when triage answers in time
    triage.WithReference(intake); // a what-if replays a draft matrix over the cases intake keeps, asked over gRPC
    sla.WithReference(routing); // a calendar in the team's time zone asks routing who owns the case
    insights.WithReference(intake); // a rebuild reads intake's history over gRPC

    // Gateway: the only way in from outside; it authenticates, limits and vouches for every caller.
    var gateway = builder.AddGateway<Projects.EscalationPlatform_Gateway>(
        "gateway", ports, infrastructure.AddDatabase("gatewaydb"), infrastructure, secrets, intake, triage, routing, sla, notification, insights);

    // Portal: the web application support people work in; it calls the gateway like any other client.
    var portal = builder.AddPortal<Projects.EscalationPlatform_Portal>("portal", ports, gateway, infrastructure);
    notification.WithEnvironment("Notification__PortalUrl", portal.GetEndpoint("http")) // every message links to the case in the portal
        .WithEnvironment("Notification__GatewayUrl", gateway.GetEndpoint("http")); // a closed case's customer gets a rating link there

    builder.AddStartupReport(infrastructure.StateDirectory, portal, gateway, mail);
}
catch (InfrastructureException problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}

builder.Build().Run();
return Environment.ExitCode;
