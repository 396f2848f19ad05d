using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Deliveries;
using Notification.Api.Projections;
using Notification.Api.Rules;
using Notification.Domain;

namespace Notification.Api.ProblemNotices;

/// <summary>Tells of problem records: leadership once per problem raised, and the customer of each linked case when
/// the fix is announced. A problem is no case, and when it is raised notification may know none of its cases (a case is
/// known here once it is offered, deflected or given a commitment), so its notice is planned about no case
/// (<see cref="DeliveryPlanner.NotifyAboutProblemAsync"/>) rather than through one of its cases.</summary>
public sealed partial class ProblemEventsConsumer(
    NotificationDbContext db,
    DeliveryPlanner planner,
    NotificationSettings settings,
    IOptions<NotificationOptions> options,
    ILogger<ProblemEventsConsumer> logger) :
    IConsumer<ProblemRaised>,
    IConsumer<ProblemFixAnnounced>
{
    public Task Consume(ConsumeContext<ProblemRaised> context) => TellRaisedAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ProblemFixAnnounced> context) => TellFixedAsync(context.Message, context.CancellationToken);

    /// <summary>The problem's id is the notice's key: raised again (redelivered, or published twice), it tells nobody
    /// twice.</summary>
    public async Task TellRaisedAsync(ProblemRaised raised, CancellationToken cancellationToken)
    {
        var rules = await settings.RulesAsync(raised.TenantId, cancellationToken);
        var notices = RecipientPolicy.ForProblem(raised, settings.Leadership(raised.TenantId, rules), rules);
        await planner.NotifyAboutProblemAsync(raised.TenantId, raised.ProblemId, rules, notices,
            NoticeFacts.Of(raised, options.Value.ProblemLink(raised.ProblemId)), cancellationToken);
        await planner.SaveAsync(cancellationToken);
    }

    /// <summary>Each linked case notification knows in the tenant, in one unit of work; one it does not know has no
    /// customer address here, and is left out.</summary>
    public async Task TellFixedAsync(ProblemFixAnnounced fix, CancellationToken cancellationToken)
    {
        var ids = fix.Cases.Select(linked => linked.EscalationId).Distinct().ToArray();
        var known = await db.Escalations.AsNoTracking().Where(row => row.TenantId == fix.TenantId && ids.Contains(row.EscalationId))
            .ToDictionaryAsync(row => row.EscalationId, cancellationToken);
        var rules = await settings.RulesAsync(fix.TenantId, cancellationToken);
        var facts = NoticeFacts.Of(fix);
        foreach (var linked in fix.Cases.DistinctBy(linked => linked.EscalationId))
        {
            if (!known.TryGetValue(linked.EscalationId, out var escalation))
            {
                LogUnknownCase(fix.ProblemId, linked.Key, linked.EscalationId);
                continue;
            }

            var notices = RecipientPolicy.ForProblemFix(fix, escalation.EscalationId, escalation.Facts, settings.Contacts(escalation, rules), rules);
            await planner.NotifyAsync(escalation, rules, notices, facts, cancellationToken);
        }

        await planner.SaveAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The fix of problem {ProblemId} is not told to the customer of {Key} ({EscalationId}): notification does not know the case")]
    private partial void LogUnknownCase(Guid problemId, string key, Guid escalationId);
}
