using EscalationPlatform.Contracts;
using Intake.Api.Caching;
using Intake.Api.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Intake.Api.Feed;

/// <summary>Tells every intake, through the database's change channel, that these people's in-app feeds have new
/// entries: each intake's change feed passes it to those people's live connections (<see cref="Changes.ChangeFeed"/>).
/// One statement, no transaction: the message is a signal (registered as one), a duplicate repeats it harmlessly.</summary>
public sealed class InAppFeedChangedConsumer(IntakeDbContext db) : IConsumer<InAppFeedChanged>
{
    public const int MaxPeople = 100;

    public async Task Consume(ConsumeContext<InAppFeedChanged> context)
    {
        var payloads = context.Message.PersonIds.Take(MaxPeople).Select(person => ReadCacheTrigger.FeedPayload(context.Message.TenantId, person)).ToArray();
        if (payloads.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ReadCacheTrigger.Channel}, payload) FROM unnest({payloads}) AS payload",
                context.CancellationToken);
        }
    }
}
