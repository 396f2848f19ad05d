using System.Text.Json;
using EscalationPlatform.Contracts;
using MassTransit;
using EscalationPlatform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Feed;
using Notification.Api.Projections;
using Notification.Api.Rules;
using Notification.Api.Templates;
using Notification.Domain;

namespace Notification.Api.Deliveries;

/// <summary>Turns an event's notices into deliveries: an email (worded by the tenant's templates, timed by
/// <see cref="NoticeTiming"/> under the recipient's preferences), a chat message, an in-app feed entry, and a webhook
/// call per matching subscription. Each is stored in the caller's unit of work, and one whose dedup key already exists
/// (the same event redelivered) is not stored again. The <see cref="DeliveryWorker"/> takes the deliveries from there.
/// Most notices are about a case; a problem's are about no case (<see cref="NotifyAboutProblemAsync"/>).</summary>
public sealed class DeliveryPlanner(
    NotificationDbContext db, NotificationSettings settings, IPublishEndpoint publish, IOptions<NotificationOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadJson();

    private readonly List<Delivery> _planned = [];
    private readonly List<FeedItem> _feed = [];

    /// <summary>Plans what each notice about the escalation sends: <paramref name="facts"/> are the event's template values.</summary>
    public Task<DeliveryPlanner> NotifyAsync(EscalationProjection escalation, NotificationRules rules, IReadOnlyList<Notice> notices, EventFacts facts,
        CancellationToken cancellationToken) =>
        PlanAsync(escalation.TenantId, escalation, options.Value.CaseLink(escalation.EscalationId), rules, notices, facts, cancellationToken);

    /// <summary>Plans what each notice about a problem record sends. A problem is no case, and notification may know
    /// none of its cases yet: its deliveries belong to no escalation (their dedup key names the problem), its messages
    /// link to the problem's page, and no in-app feed (a list of cases) hears of it.</summary>
    public Task<DeliveryPlanner> NotifyAboutProblemAsync(string tenantId, Guid problemId, NotificationRules rules, IReadOnlyList<Notice> notices,
        EventFacts facts, CancellationToken cancellationToken) =>
        PlanAsync(tenantId, null, options.Value.ProblemLink(problemId), rules, notices, facts, cancellationToken);

    private async Task<DeliveryPlanner> PlanAsync(string tenantId, EscalationProjection? escalation, string link, NotificationRules rules,
        IReadOnlyList<Notice> notices, EventFacts facts, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return this;
        }

        var templates = await settings.TemplatesAsync(tenantId, cancellationToken);
        var digestWindow = TimeSpan.FromMinutes(rules.DigestMinutes);
        var people = notices.Select(notice => notice.PersonId).OfType<string>().Distinct().ToArray();
        var preferences = people.Length == 0
            ? []
            : await db.Preferences.AsNoTracking().Where(row => row.TenantId == tenantId && people.Contains(row.PersonId))
                .ToDictionaryAsync(row => row.PersonId, row => row.Preferences, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var notice in notices)
        {
            var name = NoticeEvents.Name(notice.Event);
            var urgent = NoticeTiming.IsUrgent(notice.Event, escalation?.Severity);
            var person = notice.PersonId is { } id ? preferences.GetValueOrDefault(id) ?? PersonPreferences.Default : null;
            var zone = notice.Audience == Audience.Customer ? escalation?.CustomerTimeZone ?? "UTC" : person?.TimeZone ?? "UTC";
            var model = MessageModel.For(escalation, notice, facts, link, zone);
            if (notice.Channel == NoticeChannel.Chat)
            {
                var kind = rules.ChannelOf(escalation?.TeamId)?.Kind ?? ChatKind.Slack;
                var chat = Messages.Chat(kind, templates.ChatFor(name), model, MessageModel.For(escalation, notice, facts, link, zone, Messages.SlackEscape), link);
                _planned.Add(New(tenantId, escalation, $"chat:{notice.EventKey}:{notice.Recipient}", DeliveryChannel.Chat, notice, name,
                    escalation is null ? name : $"{escalation.Key} {name}", chat, html: null, now, now, digest: false));
                continue;
            }

            var email = Messages.Email(templates.EmailFor(name), model, link, escalation is null ? "Open the problem" : "Open the case");
            if (escalation is not null && notice.PersonId is not null && person!.InApp)
            {
                _feed.Add(new FeedItem
                {
                    Id = Guid.CreateVersion7(now),
                    TenantId = tenantId,
                    PersonId = notice.PersonId,
                    EscalationId = escalation.EscalationId,
                    DedupKey = $"{notice.EventKey}:{notice.PersonId}",
                    Notice = name,
                    Urgent = urgent,
                    CaseKey = escalation.Key,
                    Text = email.Subject.Length <= 1_000 ? email.Subject : email.Subject[..1_000],
                    At = now.UtcDateTime,
                });
            }

            if (notice.Channel == NoticeChannel.InApp)
            {
                continue; // notification knows no address of theirs: the feed is all they get
            }

            if (person is { Email: false } && !urgent)
            {
                continue; // the person asked for the feed alone: urgent mail still reaches them
            }

            var waiting = notice.IsInternalEmail && !urgent ? await WaitingDigestAsync(tenantId, notice.Recipient, now, cancellationToken) : null;
            var timing = NoticeTiming.When(notice, escalation?.Severity, now, digestWindow, person, waiting);
            _planned.Add(New(tenantId, escalation, $"email:{notice.EventKey}:{notice.Recipient}", DeliveryChannel.Email, notice, name, email.Subject, email.Text,
                email.Html, now, timing.Due, timing.Digest));
        }

        return this;
    }

    public Task<DeliveryPlanner> WebhooksAsync<T>(EscalationProjection escalation, Guid eventId, string eventType, T data, CancellationToken cancellationToken) =>
        WebhooksAsync(escalation.TenantId, escalation.EscalationId, escalation.SubmittedBy, eventId, eventType, data, cancellationToken);

    /// <summary>A webhook call per subscription that wants the event type and receives the case: every case, or only
    /// those of its submitter (<paramref name="submittedBy"/>; when the event does not say, as the escalation projection
    /// knows it; unknown, only unbound subscriptions receive it).</summary>
    public async Task<DeliveryPlanner> WebhooksAsync<T>(string tenantId, Guid escalationId, string? submittedBy, Guid eventId, string eventType, T data,
        CancellationToken cancellationToken)
    {
        var subscriptions = await db.Webhooks.AsNoTracking().Where(webhook => webhook.TenantId == tenantId).ToListAsync(cancellationToken);
        if (submittedBy is null && subscriptions.Any(subscription => subscription.SubmittedBy is not null))
        {
            submittedBy = await db.Escalations.AsNoTracking().Where(row => row.EscalationId == escalationId && row.TenantId == tenantId)
                .Select(row => row.SubmittedBy).FirstOrDefaultAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        foreach (var subscription in subscriptions.Where(subscription => subscription.Wants(eventType) && subscription.Receives(submittedBy)))
        {
            var payload = JsonSerializer.Serialize(new WebhookPayload<T>(eventType, now, data), PayloadJson);
            _planned.Add(new Delivery
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                EscalationId = escalationId,
                DedupKey = $"webhook:{subscription.Id}:{eventId}",
                Channel = DeliveryChannel.Webhook,
                Recipient = subscription.Url,
                SubscriptionId = subscription.Id,
                EventType = eventType,
                Notice = eventType,
                Subject = eventType,
                Body = payload,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now.UtcDateTime,
                CreatedAt = now.UtcDateTime,
            });
        }

        return this;
    }

    /// <summary>Stores the planned deliveries and feed entries that are new.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_planned.Count > 0)
        {
            var keys = _planned.Select(delivery => delivery.DedupKey).ToArray();
            var tenantId = _planned[0].TenantId;
            // By escalation too: its few deliveries are found by either index, whatever the statistics say of the tenant
            // (to a planner that takes a tenant new to its statistics for small, reading all its deliveries looked cheap).
            var escalations = _planned.Select(delivery => delivery.EscalationId).OfType<Guid>().Distinct().ToArray();
            // A problem's deliveries belong to no escalation: they are found by their key alone, through the unique index.
            var existing = (await (_planned.Exists(delivery => delivery.EscalationId is null)
                    ? db.Database.SqlQuery<string>($"""
                        SELECT "DedupKey" AS "Value" FROM delivery WHERE "TenantId" = {tenantId} AND "DedupKey" = ANY({keys})
                        """)
                    : db.Database.SqlQuery<string>($"""
                        SELECT "DedupKey" AS "Value" FROM delivery
                        WHERE "TenantId" = {tenantId} AND "EscalationId" = ANY({escalations}) AND "DedupKey" = ANY({keys})
                        """)).ToListAsync(cancellationToken))
                .ToHashSet();
            db.Deliveries.AddRange(_planned.Where(delivery => !existing.Contains(delivery.DedupKey)));
            _planned.Clear();
        }

        if (_feed.Count > 0)
        {
            var tenantId = _feed[0].TenantId;
            var people = _feed.Select(item => item.PersonId).Distinct().ToArray();
            var keys = _feed.Select(item => item.DedupKey).ToArray();
            var existing = (await db.Feed.AsNoTracking().Where(item => item.TenantId == tenantId && people.Contains(item.PersonId) && keys.Contains(item.DedupKey))
                .Select(item => item.DedupKey).ToListAsync(cancellationToken)).ToHashSet();
            var added = _feed.Where(item => !existing.Contains(item.DedupKey)).ToList();
            db.Feed.AddRange(added);
            _feed.Clear();
            if (added.Count > 0)
            {
                // their open portal pages hear of it over the live connection they follow the queues on (through intake)
                await publish.Publish(new InAppFeedChanged
                {
                    TenantId = tenantId,
                    PersonIds = [.. added.Select(item => item.PersonId).Distinct()],
                    At = clock.GetUtcNow(),
                }, cancellationToken);
            }
        }
    }

    /// <summary>When the recipient's digest already waiting goes out (planned in this unit of work or earlier).</summary>
    private async Task<DateTimeOffset?> WaitingDigestAsync(string tenantId, string recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planned = _planned.Where(delivery => delivery.Digest && delivery.Recipient == recipient).Select(delivery => delivery.NextAttemptAt).Min();
        var stored = await db.Deliveries.AsNoTracking()
            .Where(delivery => delivery.TenantId == tenantId && delivery.Recipient == recipient && delivery.Digest && delivery.NextAttemptAt != null
                && delivery.NextAttemptAt >= now.UtcDateTime && delivery.Status == DeliveryStatus.Pending)
            .MinAsync(delivery => delivery.NextAttemptAt, cancellationToken);
        var earliest = new[] { planned, stored }.OfType<DateTime>().DefaultIfEmpty().Min();
        return earliest == default ? null : new DateTimeOffset(DateTime.SpecifyKind(earliest, DateTimeKind.Utc));
    }

    private static Delivery New(string tenantId, EscalationProjection? escalation, string dedupKey, string channel, Notice notice, string name, string subject,
        string body, string? html, DateTimeOffset now, DateTimeOffset due, bool digest) => new()
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            EscalationId = escalation?.EscalationId,
            DedupKey = dedupKey,
            Channel = channel,
            Recipient = notice.Recipient,
            EventType = $"notice.{name}",
            Notice = name,
            Audience = MessageModel.Wire(notice.Audience.ToString()),
            PersonId = notice.PersonId,
            Subject = subject,
            Body = body,
            Html = html,
            Digest = digest,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = due.UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions();
        WebConventions.Apply(options);
        return options;
    }

    /// <summary>The Standard Webhooks payload shape: type, timestamp, data.</summary>
    private sealed record WebhookPayload<T>(string Type, DateTimeOffset Timestamp, T Data);
}
