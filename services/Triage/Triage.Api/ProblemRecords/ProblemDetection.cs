using EscalationPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Triage.Api.Data;
using Triage.Api.Knowledge;
using Triage.Domain.Knowledge;

namespace Triage.Api.ProblemRecords;

/// <summary>Keeps every submitted escalation as an occurrence (its error signature, product area and release) and, in
/// submission order, links it to a problem that shares a key with it or raises a problem when it completes its tenant's
/// pattern (<see cref="ProblemLinking"/>), announcing <see cref="ProblemRaised"/> through the outbox in the same
/// transaction. A submission seen twice is skipped by its occurrence, so a redelivered batch raises and links nothing twice.
/// Two replicas raising the same problem at once meet the one-open-problem-per-key index: the batch fails and is retried,
/// and then links.</summary>
public sealed class ProblemDetection(TriageDbContext db, TenantKnowledgeSettings settings, IPublishEndpoint publish, TimeProvider clock)
{
    public async Task ApplyAsync(IReadOnlyList<EscalationRecordChanged> changes, CancellationToken cancellationToken)
    {
        var submitted = changes.Where(change => change.Entries.Any(entry => entry.What == "submitted"))
            .GroupBy(change => change.EscalationId).Select(group => group.First()).ToList();
        if (submitted.Count == 0)
        {
            return;
        }

        var ids = submitted.Select(change => change.EscalationId).ToList();
        var seen = await db.CaseOccurrences.Where(row => ids.Contains(row.EscalationId)).Select(row => row.EscalationId).ToListAsync(cancellationToken);
        var arrived = submitted.Where(change => !seen.Contains(change.EscalationId)).Select(Occurrence).OrderBy(row => row.At).ToList();
        foreach (var tenant in arrived.GroupBy(row => row.TenantId))
        {
            await ApplyAsync(tenant.Key, [.. tenant], cancellationToken);
        }
    }

    private async Task ApplyAsync(string tenantId, IReadOnlyList<CaseOccurrenceRow> arrived, CancellationToken cancellationToken)
    {
        var patterns = (await settings.ForAsync(tenantId, cancellationToken)).Patterns;
        var (from, to) = (arrived[0].At - patterns.Window, arrived[^1].At);
        var recent = await db.CaseOccurrences.AsNoTracking().Where(row => row.TenantId == tenantId && row.At >= from && row.At <= to)
            .ToListAsync(cancellationToken);
        var problems = await db.Problems.Where(row => row.TenantId == tenantId && row.Status != ProblemStatus.Closed).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var occurrence in arrived)
        {
            db.CaseOccurrences.Add(occurrence);
            var step = ProblemLinking.Decide(problems.Select(row => row.Keyed()), recent.Select(row => row.Occurrence()), occurrence.Occurrence(), patterns);
            recent.Add(occurrence);
            switch (step)
            {
                case ProblemStep.Link link:
                    db.ProblemCases.Add(Linked(problems.Single(row => row.Id == link.ProblemId), occurrence, now));
                    break;
                case ProblemStep.Raise raise:
                    problems.Add(await RaiseAsync(raise.Pattern, [.. recent.Where(row => raise.Pattern.Escalations.Contains(row.EscalationId)).OrderBy(row => row.At)],
                        now, cancellationToken));
                    break;
            }
        }
    }

    private async Task<ProblemRow> RaiseAsync(Pattern pattern, IReadOnlyList<CaseOccurrenceRow> cases, DateTime now, CancellationToken cancellationToken)
    {
        var first = cases[0];
        var example = cases.Select(row => row.ErrorMessage).FirstOrDefault(message => message is not null);
        var problem = new ProblemRow
        {
            TenantId = first.TenantId,
            Id = Guid.CreateVersion7(),
            Title = ProblemLinking.Title(pattern.Key, example),
            Shared = ProblemLinking.Shared(pattern.Key, example),
            Kind = pattern.Key.Kind,
            KeyValue = pattern.Key.Value,
            Status = ProblemStatus.Open,
            ProductArea = cases.Select(row => row.ProductArea).FirstOrDefault(area => area is not null),
            Release = cases.Select(row => row.Release).FirstOrDefault(release => release is not null),
            FirstSeenAt = first.At,
            RaisedAt = now,
            UpdatedAt = now,
            History = [new ProblemStepRow { At = now, Status = ProblemStatus.Open, By = "triage", Note = $"{cases.Count} escalations share {ProblemLinking.Shared(pattern.Key, example)}" }],
        };
        db.Problems.Add(problem);
        KnowledgeTelemetry.ProblemRaised(problem.TenantId);
        db.ProblemCases.AddRange(cases.Select(row => Linked(problem, row, now)));
        await publish.Publish(new ProblemRaised
        {
            ProblemId = problem.Id,
            TenantId = problem.TenantId,
            Title = problem.Title,
            Shared = problem.Shared,
            Cases = [.. cases.Select(row => new ProblemCase(row.EscalationId, row.Key, row.Title))],
            At = new DateTimeOffset(now, TimeSpan.Zero),
        }, cancellationToken);
        return problem;
    }

    private static ProblemCaseRow Linked(ProblemRow problem, CaseOccurrenceRow occurrence, DateTime now) => new()
    {
        TenantId = problem.TenantId, ProblemId = problem.Id, EscalationId = occurrence.EscalationId, Key = occurrence.Key, Title = occurrence.Title,
        SubmittedAt = occurrence.At, LinkedAt = now,
    };

    private static CaseOccurrenceRow Occurrence(EscalationRecordChanged change) => new()
    {
        TenantId = change.TenantId,
        EscalationId = change.EscalationId,
        Key = change.Record.Key,
        Title = change.Record.Title,
        At = change.Record.SubmittedAt.UtcDateTime,
        Signature = ErrorSignature.Of(change.Record.ErrorMessage),
        ErrorMessage = change.Record.ErrorMessage is { } message && message.Length > 500 ? message[..500] : change.Record.ErrorMessage,
        ProductArea = change.Record.ProductArea,
        Release = change.Record.Release,
    };
}
