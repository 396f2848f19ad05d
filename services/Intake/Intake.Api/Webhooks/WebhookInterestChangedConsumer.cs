using EscalationPlatform.Contracts;
using Intake.Api.Data;
using Intake.Domain;
using MassTransit;

namespace Intake.Api.Webhooks;

/// <summary>Keeps the tenant's webhook interest that notification announces; the newest announcement wins. Two
/// first announcements for a tenant consumed at once both insert; the loser's transaction fails on the key and is
/// retried, and then finds the row.</summary>
public sealed class WebhookInterestChangedConsumer(IntakeDbContext db) : IConsumer<WebhookInterestChanged>
{
    public async Task Consume(ConsumeContext<WebhookInterestChanged> context)
    {
        var announced = context.Message;
        var kept = await db.WebhookInterests.FindAsync([announced.TenantId], context.CancellationToken);
        if (!WebhookInterestRule.Replaces(kept is null ? null : new DateTimeOffset(kept.At, TimeSpan.Zero), announced.At))
        {
            return;
        }

        if (kept is null)
        {
            db.WebhookInterests.Add(new WebhookInterestRow { TenantId = announced.TenantId, EventTypes = [.. announced.EventTypes], At = announced.At.UtcDateTime });
        }
        else
        {
            (kept.EventTypes, kept.At) = ([.. announced.EventTypes], announced.At.UtcDateTime);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
