using Dapper;
using EscalationPlatform.Contracts;
using Insights.Api.Data;
using Insights.Api.Settings;
using Insights.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore.Storage;

namespace Insights.Api.History;

/// <summary>For each new escalation in a batch, counts its customer's escalations within the tenant's window and
/// announces <see cref="CustomerEscalatingRepeatedly"/> when <see cref="RepeatCustomers.Announce"/> says so.</summary>
public sealed class RepeatCustomerAnnouncer(InsightsDbContext db, TenantSettings settings, IPublishEndpoint publish)
{
    public async Task AnnounceAsync(IReadOnlyList<EscalationRecordChanged> changes, IReadOnlyList<CaseRow> cases, CancellationToken cancellationToken)
    {
        var submitted = changes.Where(change => change.Entries.Any(entry => entry.What == "submitted")).Select(change => change.EscalationId).ToHashSet();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var row in cases.Where(row => submitted.Contains(row.EscalationId)))
        {
            var thresholds = await settings.ForAsync(row.TenantId, cancellationToken);
            var since = row.SubmittedAt - RepeatCustomers.Window(thresholds);
            var count = await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM case_summary WHERE tenant_id = @tenant AND customer_id = @customer AND submitted_at > @since AND submitted_at <= @at",
                new { tenant = row.TenantId, customer = row.CustomerId, since, at = row.SubmittedAt }, transaction, cancellationToken: cancellationToken));
            if (RepeatCustomers.Announce(count, thresholds))
            {
                await publish.Publish(new CustomerEscalatingRepeatedly
                {
                    TenantId = row.TenantId,
                    CustomerId = row.CustomerId,
                    CustomerName = row.CustomerName,
                    Escalations = count,
                    WindowDays = thresholds.RepeatWindowDays,
                    At = new DateTimeOffset(row.SubmittedAt, TimeSpan.Zero),
                }, cancellationToken);
            }
        }
    }
}
