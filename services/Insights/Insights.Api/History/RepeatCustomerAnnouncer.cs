using Dapper;
using EscalationPlatform.Contracts;
using Insights.Api.Data;
using Insights.Api.Settings;
using Insights.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore.Storage;

namespace Insights.Api.History;

/// <summary>For the new escalations of a batch, counts each one's customer's escalations within its tenant's window (one
/// statement for the whole batch) and announces <see cref="CustomerEscalatingRepeatedly"/> when
/// <see cref="RepeatCustomers.Announce"/> says so.</summary>
public sealed class RepeatCustomerAnnouncer(InsightsDbContext db, TenantSettings settings, IPublishEndpoint publish)
{
    public async Task AnnounceAsync(IReadOnlyList<EscalationRecordChanged> changes, IReadOnlyList<CaseRow> cases, CancellationToken cancellationToken)
    {
        var submitted = changes.Where(change => change.Entries.Any(entry => entry.What == "submitted")).Select(change => change.EscalationId).ToHashSet();
        var arrived = cases.Where(row => submitted.Contains(row.EscalationId)).ToList();
        if (arrived.Count == 0)
        {
            return;
        }

        var thresholds = new Dictionary<string, InsightSettings>();
        foreach (var tenant in arrived.Select(row => row.TenantId).Distinct())
        {
            thresholds[tenant] = await settings.ForAsync(tenant, cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var counts = (await transaction.Connection!.QueryAsync<(Guid Id, int Count)>(new CommandDefinition("""
            SELECT n.id, count(c.escalation_id)::int
            FROM unnest(@ids, @tenants, @customers, @ats, @days) AS n(id, tenant, customer, at, days)
            JOIN case_summary c ON c.tenant_id = n.tenant AND c.customer_id = n.customer
                               AND c.submitted_at > n.at - make_interval(days => n.days) AND c.submitted_at <= n.at
            GROUP BY n.id
            """,
            new
            {
                ids = arrived.Select(row => row.EscalationId).ToArray(),
                tenants = arrived.Select(row => row.TenantId).ToArray(),
                customers = arrived.Select(row => row.CustomerId).ToArray(),
                ats = arrived.Select(row => row.SubmittedAt).ToArray(),
                days = arrived.Select(row => thresholds[row.TenantId].RepeatWindowDays).ToArray(),
            }, transaction, cancellationToken: cancellationToken))).ToDictionary(count => count.Id, count => count.Count);
        foreach (var row in arrived)
        {
            var count = counts.GetValueOrDefault(row.EscalationId);
            if (RepeatCustomers.Announce(count, thresholds[row.TenantId]))
            {
                await publish.Publish(new CustomerEscalatingRepeatedly
                {
                    TenantId = row.TenantId,
                    CustomerId = row.CustomerId,
                    CustomerName = row.CustomerName,
                    Escalations = count,
                    WindowDays = thresholds[row.TenantId].RepeatWindowDays,
                    At = new DateTimeOffset(row.SubmittedAt, TimeSpan.Zero),
                }, cancellationToken);
            }
        }
    }
}
