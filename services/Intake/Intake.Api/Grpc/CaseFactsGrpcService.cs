using System.Text.Json;
using EscalationPlatform.Contracts.Intake.V1;
using EscalationPlatform.Web.Paging;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Intake.Api.Data;
using Intake.Api.Records;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Api.Grpc;

/// <summary>escalation.intake.v1.Intake, for the other services only (the gateway does not route it): the facts of the
/// tenant's open escalations and of those submitted since a time, which triage replays a draft matrix over; and every
/// escalation's history, which insights rebuilds its read model from.</summary>
public sealed class CaseFactsGrpcService(IntakeDbContext db, ITenantContext tenant, IOptions<JsonOptions> json) : EscalationPlatform.Contracts.Intake.V1.Intake.IntakeBase
{
    public const int MaxLimit = 500;
    public const int MaxHistoryLimit = 200;

    public override async Task<ListFactsResponse> ListFacts(ListFactsRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > MaxLimit)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit: 1 to {MaxLimit} (0 means {MaxLimit})"));
        }

        Guid after = Guid.Empty;
        if (request.Cursor.Length > 0 && !Cursor.TryDecode(request.Cursor, out after))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "cursor: not a cursor this service gave"));
        }

        if (!request.Open && request.SubmittedSince is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "open or submitted_since: say which escalations"));
        }

        var since = request.SubmittedSince?.ToDateTime() ?? DateTime.MaxValue;
        var open = request.Open;
        var limit = request.Limit == 0 ? MaxLimit : request.Limit;
        var rows = await db.Escalations.AsNoTracking()
            .Where(row => row.TenantId == tenant.TenantId && row.CorrelationId.CompareTo(after) > 0)
            .Where(row => (open && !Intake.Domain.Lifecycle.Finished.Contains(row.Status)) || row.CreatedAt >= since)
            .OrderBy(row => row.CorrelationId)
            .Take(limit + 1)
            .Select(row => new { row.CorrelationId, row.Key, row.Title, row.Status, row.Severity, row.Facts, row.CreatedAt })
            .ToListAsync(context.CancellationToken);

        var response = new ListFactsResponse();
        response.Items.AddRange(rows.Take(limit).Select(row => new CaseFactsItem
        {
            EscalationId = row.CorrelationId.ToString(),
            Key = row.Key,
            Title = row.Title,
            Status = KebabEnum<EscalationPlatform.Contracts.EscalationStatus>.Name(row.Status),
            Severity = row.Severity?.ToString() ?? "",
            FactsJson = JsonSerializer.Serialize(row.Facts, json.Value.SerializerOptions),
            SubmittedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
            Open = Intake.Domain.Lifecycle.IsOpen(row.Status),
        }));
        response.NextCursor = rows.Count > limit ? Cursor.Encode(rows[limit - 1].CorrelationId) : "";
        return response;
    }

    public override async Task<ListHistoryResponse> ListHistory(ListHistoryRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > MaxHistoryLimit)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit: 1 to {MaxHistoryLimit} (0 means {MaxHistoryLimit})"));
        }

        Guid after = Guid.Empty;
        if (request.Cursor.Length > 0 && !Cursor.TryDecode(request.Cursor, out after))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "cursor: not a cursor this service gave"));
        }

        var limit = request.Limit == 0 ? MaxHistoryLimit : request.Limit;
        var records = await db.Escalations.AsNoTracking()
            .Where(row => row.TenantId == tenant.TenantId && row.CorrelationId.CompareTo(after) > 0)
            .OrderBy(row => row.CorrelationId)
            .Take(limit + 1)
            .ToListAsync(context.CancellationToken);
        var page = records.Take(limit).ToList();
        var ids = page.Select(row => row.CorrelationId).ToList();
        var timelines = (await db.Timeline.AsNoTracking().Where(entry => ids.Contains(entry.EscalationId)).OrderBy(entry => entry.Id)
                .ToListAsync(context.CancellationToken))
            .ToLookup(entry => entry.EscalationId);

        var response = new ListHistoryResponse();
        response.RecordsJson.AddRange(page.Select(row =>
        {
            var entries = timelines[row.CorrelationId].ToList();
            var at = entries.Count > 0 ? entries[^1].At : row.CreatedAt;
            var changed = RecordHistory.Changed(row, entries, new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
            return JsonSerializer.Serialize(changed, EscalationPlatform.Contracts.HistoryJson.Options);
        }));
        response.NextCursor = records.Count > limit ? Cursor.Encode(page[^1].CorrelationId) : "";
        return response;
    }
}
