using System.Text.Json;
using EscalationPlatform.Contracts.Escalation.V1;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Intake.Api.Changes;
using Intake.Api.Data;
using Intake.Api.Submission;
using EscalationSummary = EscalationPlatform.Contracts.Escalation.V1.EscalationSummary;
using SubmitRequest = EscalationPlatform.Contracts.Escalation.V1.SubmitRequest;
using Submitted = EscalationPlatform.Contracts.Escalation.V1.Submitted;
using Intake.Api.Views;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Api.Grpc;

/// <summary>escalation.v1.Escalations, the public gRPC API (through the gateway): the same submission, record and
/// queue as REST, and a stream of an escalation's timeline. Bad input is InvalidArgument with each field named;
/// another tenant's escalation is NotFound.</summary>
public sealed class EscalationsGrpcService(
    SubmissionService submissions, EscalationQueries queries, IntakeDbContext db, ITenantContext tenant, IOptions<JsonOptions> json, ChangeFeed changes)
    : Escalations.EscalationsBase
{
    /// <summary>A watch reads the timeline when the change feed says the escalation changed, and at least this often
    /// (should a notification be missed while its listener reconnects, the watch still catches up).</summary>
    public static readonly TimeSpan WatchFallback = TimeSpan.FromSeconds(15);

    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public override async Task<Submitted> Submit(SubmitRequest request, ServerCallContext context)
    {
        Submission.SubmitRequest escalation;
        try
        {
            escalation = JsonSerializer.Deserialize<Submission.SubmitRequest>(request.EscalationJson, Json)
                ?? throw Invalid(new ValidationErrors().Add("escalation_json", "required"));
        }
        catch (JsonException error)
        {
            throw Invalid(new ValidationErrors().Add(JsonErrors.Field("escalation_json", error), JsonErrors.Describe(error, Json)));
        }

        var errors = new ValidationErrors().Text("idempotency_key", request.IdempotencyKey.Length == 0 ? null : request.IdempotencyKey, 255);
        if (!errors.IsValid)
        {
            throw Invalid(errors);
        }

        var origin = new SubmissionOrigin(IdempotencyKey: request.IdempotencyKey.Length == 0 ? null : request.IdempotencyKey);
        var (accepted, refused) = await submissions.SubmitAsync(tenant.Identity, escalation, origin, context.CancellationToken);
        return accepted is null
            ? throw Invalid(refused)
            : new Submitted { Id = accepted.Id.ToString(), Key = accepted.Key, Status = KebabEnum<EscalationPlatform.Contracts.EscalationStatus>.Name(accepted.Status) };
    }

    public override async Task<Escalation> Get(GetRequest request, ServerCallContext context)
    {
        var view = await queries.GetAsync(tenant.Identity, Id(request.Id), context.CancellationToken) ?? throw NotFound(request.Id);
        return new Escalation
        {
            Summary = Summary(view.Id, view.Key, view.Title, view.Status, view.Severity, view.Facts.IssueType, view.Facts.Customer.Id,
                view.Facts.Customer.Name, view.Team, view.Owner, view.Offer, view.Breached, view.CreatedAt, view.UpdatedAt),
            RecordJson = JsonSerializer.Serialize(view, Json),
        };
    }

    public override async Task<ListResponse> List(ListRequest request, ServerCallContext context)
    {
        var errors = new ValidationErrors();
        bool? breached = request.Breached switch { "" => null, "true" => true, "false" => false, _ => null };
        if (request.Breached is not ("" or "true" or "false"))
        {
            errors.Add("breached", "true, false or empty");
        }

        var (filter, after) = EscalationFilter.Parse(new EscalationListQuery(Empty(request.Status), Empty(request.Severity), Empty(request.IssueType),
            Empty(request.Team), Empty(request.Owner), Empty(request.Customer), breached, Empty(request.Cursor)), errors);
        var limit = request.Limit == 0 ? Cursor.DefaultLimit : request.Limit;
        errors.Range("limit", limit, 1, Cursor.MaxLimit);
        if (!errors.IsValid)
        {
            throw Invalid(errors);
        }

        var page = await queries.ListAsync(tenant.Identity, filter, after, limit, context.CancellationToken);
        var response = new ListResponse { NextCursor = page.NextCursor ?? "" };
        response.Items.AddRange(page.Items.Select(item => Summary(item.Id, item.Key, item.Title, item.Status, item.Severity, item.IssueType,
            item.Customer.Id, item.Customer.Name, item.Team, item.Owner, item.Offer, item.Breached, item.CreatedAt, item.UpdatedAt)));
        return response;
    }

    public override async Task WatchUpdates(WatchRequest request, IServerStreamWriter<TimelineEntry> responseStream, ServerCallContext context)
    {
        var id = Id(request.Id);
        if (!await queries.ExistsAsync(tenant.Identity, id, context.CancellationToken))
        {
            throw NotFound(request.Id);
        }

        using var follower = changes.Follow(tenant.TenantId, id); // before the first read: no change falls in between
        var last = 0L;
        var more = false;
        do
        {
            var entries = await db.Timeline.AsNoTracking().Where(entry => entry.EscalationId == id && entry.Id > last)
                .OrderBy(entry => entry.Id).Take(500).ToListAsync(context.CancellationToken);
            foreach (var entry in entries)
            {
                await responseStream.WriteAsync(new TimelineEntry
                {
                    Sequence = entry.Id,
                    At = Timestamp.FromDateTime(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc)),
                    ActorKind = KebabEnum<EscalationPlatform.Contracts.ActorKind>.Name(entry.Actor.Kind),
                    ActorId = entry.Actor.Id,
                    ActorName = entry.Actor.Name,
                    What = entry.What,
                    FromStatus = Status(entry.FromStatus),
                    ToStatus = Status(entry.ToStatus),
                    Detail = entry.Detail ?? "",
                    Reason = entry.Reason ?? "",
                });
                last = entry.Id;
            }

            more = entries.Count == 500; // a long timeline is sent in pages without waiting for the next change
        }
        while (more || await ChangedAsync(follower, context.CancellationToken));
    }

    /// <summary>Waits for the escalation to change (or for the fallback interval); false when the call ends.</summary>
    private static async Task<bool> ChangedAsync(ChangeFeed.Follower follower, CancellationToken cancellationToken)
    {
        using var fallback = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        fallback.CancelAfter(WatchFallback);
        try
        {
            await follower.Changes.WaitToReadAsync(fallback.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        while (follower.TryTake(out _))
        {
        }

        return !cancellationToken.IsCancellationRequested;
    }

    private static EscalationSummary Summary(Guid id, string key, string title, EscalationPlatform.Contracts.EscalationStatus status,
        EscalationPlatform.Contracts.Severity? severity, EscalationPlatform.Contracts.IssueType issueType, string customerId, string customerName,
        TeamView? team, PersonView? owner, OfferView? offer, bool breached, DateTime createdAt, DateTime updatedAt)
    {
        var summary = new EscalationSummary
        {
            Id = id.ToString(),
            Key = key,
            Title = title,
            Status = KebabEnum<EscalationPlatform.Contracts.EscalationStatus>.Name(status),
            Severity = severity?.ToString() ?? "",
            IssueType = KebabEnum<EscalationPlatform.Contracts.IssueType>.Name(issueType),
            CustomerId = customerId,
            CustomerName = customerName,
            TeamId = team?.Id ?? "",
            Breached = breached,
            CreatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(createdAt, DateTimeKind.Utc)),
            UpdatedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(updatedAt, DateTimeKind.Utc)),
        };
        if (owner is not null)
        {
            summary.Owner = new Person { Id = owner.Id, Name = owner.Name };
        }

        if (offer is not null)
        {
            summary.OfferedTo = new Person { Id = offer.OfferedTo.Id, Name = offer.OfferedTo.Name };
        }

        return summary;
    }

    private static string Status(EscalationPlatform.Contracts.EscalationStatus? status) =>
        status is null ? "" : KebabEnum<EscalationPlatform.Contracts.EscalationStatus>.Name(status.Value);

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static Guid Id(string id) =>
        Guid.TryParse(id, out var parsed) ? parsed : throw Invalid(new ValidationErrors().Add("id", "not an escalation id"));

    private static RpcException NotFound(string id) => new(new Status(StatusCode.NotFound, $"There is no escalation '{id}'."));

    /// <summary>InvalidArgument, the fields and reasons in the message and as JSON in the "errors" trailer.</summary>
    /// <summary>InvalidArgument, the fields and reasons in the message and as JSON in the "errors" trailer, both cut to a
    /// size trailers can carry (an echoed value of a huge field must not break the call, or the connection it shares).</summary>
    private static RpcException Invalid(ValidationErrors errors)
    {
        var fields = errors.ToDictionary().Take(20).ToDictionary(field => Cut(field.Key, 200), field => field.Value.Take(3).Select(reason => Cut(reason, 200)).ToArray());
        var message = Cut(string.Join("; ", fields.Select(field => $"{field.Key}: {string.Join(", ", field.Value)}")), 2_000);
        return new RpcException(new Status(StatusCode.InvalidArgument, message), new Metadata { { "errors", JsonSerializer.Serialize(fields) } });
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
