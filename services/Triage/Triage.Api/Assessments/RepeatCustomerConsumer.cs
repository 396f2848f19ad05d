using EscalationPlatform.Contracts;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;

namespace Triage.Api.Assessments;

/// <summary>A customer who escalates repeatedly (rare: insights says so at each multiple of the tenant's threshold):
/// kept per customer, the newest word standing, for the next assessments to show (<see cref="Triage.Domain.CaseSignals"/>).</summary>
public sealed class RepeatCustomerConsumer(TriageDbContext db) : MassTransit.IConsumer<CustomerEscalatingRepeatedly>
{
    public async Task Consume(MassTransit.ConsumeContext<CustomerEscalatingRepeatedly> context)
    {
        var flag = context.Message;
        var row = await db.RepeatCustomers.FirstOrDefaultAsync(row => row.TenantId == flag.TenantId && row.CustomerId == flag.CustomerId, context.CancellationToken);
        if (row is null)
        {
            db.RepeatCustomers.Add(row = new RepeatCustomerRow { TenantId = flag.TenantId, CustomerId = flag.CustomerId });
        }
        else if (row.At >= flag.At.UtcDateTime)
        {
            return; // an older word, redelivered late
        }

        row.CustomerName = flag.CustomerName;
        row.Escalations = flag.Escalations;
        row.WindowDays = flag.WindowDays;
        row.At = flag.At.UtcDateTime;
    }
}

/// <summary>The newest word that a customer escalates repeatedly (table repeat_customer).</summary>
public sealed class RepeatCustomerRow
{
    public string TenantId { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public string CustomerName { get; set; } = "";

    public int Escalations { get; set; }

    public int WindowDays { get; set; }

    public DateTime At { get; set; }
}
