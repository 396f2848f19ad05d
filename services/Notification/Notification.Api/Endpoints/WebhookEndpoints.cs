using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Notification.Api.Data;
using Notification.Api.Webhooks;

namespace Notification.Api.Endpoints;

/// <param name="Url">Where the events are posted.</param>
/// <param name="Events">The event types wanted; none for all.</param>
/// <param name="SubmittedBy">Receive only the cases this submitter sent: "me" (the credential creating the
/// subscription, a partner's API key) or an actor id; absent, every case of the tenant.</param>
public sealed record WebhookRequest(string Url, IReadOnlyList<string>? Events = null, string? SubmittedBy = null);

/// <summary>A subscription as listed: without its secret, which is shown once, when it is created (and not in a
/// replay of that answer under its Idempotency-Key).</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt, string? SubmittedBy, string? Secret = null) : IHoldsSecret
{
    public object WithoutSecret() => this with { Secret = null };
}

/// <summary>Webhook subscriptions per tenant: partner systems register a URL and receive signed events.</summary>
public static class WebhookEndpoints
{
    public const int MaxSubscriptionsPerTenant = 20;

    private const string EventuallyConsistent =
        "The change applies to escalation.offered, escalation.deflected and sla.threshold-reached at once, and to intake's events (escalation.submitted, " +
        "escalation.triaged, escalation.status-changed, escalation.customer-update-posted) a moment later, typically within a few " +
        "seconds: intake learns through the bus which event types the tenant's subscriptions want and relays only those.";

    public static void Map(RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/", CreateAsync).WithIdempotency<NotificationDbContext, RouteHandlerBuilder>()
            .WithSummary("Registers a URL for events (all, or those listed); answers with the signing secret, shown only this once.")
            .WithDescription(EventuallyConsistent);
        webhooks.MapGet("/", ListAsync).WithSummary("The tenant's webhook subscriptions.");
        webhooks.MapDelete("/{id:guid}", DeleteAsync).WithIdempotency<NotificationDbContext, RouteHandlerBuilder>().WithSummary("Stops sending to a subscription.")
            .WithDescription(EventuallyConsistent);
    }

    private static async Task<Results<Created<WebhookView>, ValidationProblem>> CreateAsync(
        WebhookRequest request, NotificationDbContext db, ITenantContext tenant, OutboundAddressPolicy addresses, WebhookInterestAnnouncer interest,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await OwnTransactionAsync(db, cancellationToken);
        await interest.LockAsync(tenant.TenantId, cancellationToken); // the count below and the interest announced see every earlier change
        var errors = new ValidationErrors();
        if (WebhookUrlRules.Refusal(request.Url, addresses) is { } refusal)
        {
            errors.Add("url", refusal);
        }

        var events = request.Events ?? [];
        for (var index = 0; index < events.Count; index++)
        {
            if (!WebhookEvents.All.Contains(events[index]))
            {
                errors.Add($"events[{index}]", $"one of {string.Join(", ", WebhookEvents.All)}");
            }
        }

        var submittedBy = request.SubmittedBy == "me" ? tenant.Actor.Id : request.SubmittedBy;
        errors.Text("submittedBy", submittedBy, 300);
        if (await db.Webhooks.CountAsync(webhook => webhook.TenantId == tenant.TenantId, cancellationToken) >= MaxSubscriptionsPerTenant)
        {
            errors.Add("url", $"a tenant has at most {MaxSubscriptionsPerTenant} subscriptions; delete one first");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            Url = request.Url,
            Secret = StandardWebhooks.NewSecret(),
            Events = [.. events.Distinct()],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            SubmittedBy = submittedBy,
        };
        db.Webhooks.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        await interest.AnnounceAsync(tenant.TenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction);
        return TypedResults.Created($"{NotificationApi.Prefix}/webhooks/{subscription.Id}", View(subscription) with { Secret = subscription.Secret });
    }

    private static async Task<Ok<List<WebhookView>>> ListAsync(NotificationDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Webhooks.AsNoTracking().Where(webhook => webhook.TenantId == tenant.TenantId).OrderBy(webhook => webhook.Id)
            .ToListAsync(cancellationToken)).Select(View).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, NotificationDbContext db, ITenantContext tenant, WebhookInterestAnnouncer interest, CancellationToken cancellationToken)
    {
        await using var transaction = await OwnTransactionAsync(db, cancellationToken);
        await interest.LockAsync(tenant.TenantId, cancellationToken);
        if (await db.Webhooks.Where(webhook => webhook.TenantId == tenant.TenantId && webhook.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return Problems.NotFound("webhook subscription", id.ToString());
        }

        await interest.AnnounceAsync(tenant.TenantId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction);
        return TypedResults.NoContent();
    }

    /// <summary>A transaction for a change to the tenant's subscriptions and the announcement of its interest, unless
    /// the request already runs in one (the idempotency filter's, which commits the answer with it): then null.</summary>
    private static async Task<IDbContextTransaction?> OwnTransactionAsync(NotificationDbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static async Task CommitAsync(IDbContextTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
    }

    private static WebhookView View(WebhookSubscription subscription) =>
        new(subscription.Id, subscription.Url, subscription.Events, subscription.CreatedAt, subscription.SubmittedBy);
}
