using System.Reflection;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Configuration;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Notification.Api;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.ProblemNotices;
using Notification.Api.Rules;
using Notification.Api.Webhooks;

namespace Notification.IntegrationTests;

public sealed class When_a_problem_is_raised_twice(DatabaseServer server)
{
    [Fact]
    public async Task Should_tell_leadership_once_about_no_case()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        using var host = Composed(bed);
        var raised = new ProblemRaised
        {
            ProblemId = Guid.CreateVersion7(),
            TenantId = "acme",
            Title = "Exports time out",
            Shared = "release 4.2",
            Cases = [new ProblemCase(Guid.CreateVersion7(), "ACME-1", "Export fails"), new ProblemCase(Guid.CreateVersion7(), "ACME-2", "Slow export")],
            At = bed.Clock.GetUtcNow(),
        };

        // Published twice: two messages, each consumed in its own unit of work (none of the cases is known here).
        foreach (var copy in new[] { raised, raised with { At = raised.At.AddSeconds(5) } })
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProblemEventsConsumer>().TellRaisedAsync(copy, TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var db = bed.Db();
        var told = Assert.Single(await db.Deliveries.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("leadership@acme.example", "leadership", "problem-raised", null, $"email:problem:{raised.ProblemId}:leadership@acme.example"),
            (told.Recipient, told.Audience, told.Notice, told.EscalationId, told.DedupKey));
        Assert.Contains("ACME-2 \"Slow export\"", told.Body);
        Assert.Contains($"/problems/{raised.ProblemId}", told.Body);
    }

    /// <summary>What the consumer needs, as the service composes it, on the bed's database; no bus.</summary>
    private static IHost Composed(WorkerBed bed)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Services.AddDbContext<NotificationDbContext>(options => options.UseNpgsql(bed.Database));
        builder.Services.AddSingleton<TimeProvider>(bed.Clock);
        builder.Services.AddOptions<NotificationOptions>();
        builder.Services.AddConfigStore<NotificationDbContext>();
        builder.Services.AddSingleton(OutboundAddressPolicy.WithAllowedNetworks(null));
        builder.Services.AddSingleton<RulesDocument>();
        builder.Services.AddScoped<NotificationSettings>();
        builder.Services.AddScoped<DeliveryPlanner>();
        builder.Services.AddScoped<ProblemEventsConsumer>();
        builder.Services.AddSingleton(DispatchProxy.Create<IPublishEndpoint, NothingPublished>());
        return builder.Build();
    }
}

/// <summary>The planner publishes only when it adds in-app feed entries, and a problem's notice adds none.</summary>
public class NothingPublished : DispatchProxy
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"Nothing is published here ({targetMethod?.Name}).");
}
