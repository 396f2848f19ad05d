using EscalationPlatform.Contracts;

namespace Insights.Domain;

/// <summary>Turns an escalation's record and timeline into its <see cref="CaseSummary"/>. The same record and entries give
/// the same summary, whether they arrived one change at a time or were read back whole.</summary>
public static class CaseSummaries
{
    private static readonly IReadOnlySet<EscalationStatus> Finished = new HashSet<EscalationStatus>
    {
        EscalationStatus.Resolved, EscalationStatus.Closed, EscalationStatus.Cancelled, EscalationStatus.Deflected,
    };

    /// <summary>The order entries are read in: by time, then as recorded.</summary>
    public static IReadOnlyList<HistoryEntry> Ordered(IEnumerable<HistoryEntry> entries) => entries.OrderBy(entry => entry.At).ToList();

    public static CaseSummary Summarise(EscalationSnapshot record, IReadOnlyList<HistoryEntry> history, InsightSettings settings)
    {
        var entries = Ordered(history);
        var spans = new Dictionary<EscalationStatus, TimeSpan>();
        var status = EscalationStatus.Submitted;
        var since = record.SubmittedAt;
        DateTimeOffset? offered = null, acknowledged = null, resolved = null;
        var reopens = 0;
        var everResolved = false;
        var lastActivity = record.SubmittedAt;
        var handoffs = new HandoffTally();
        var waitingBeforeResolution = TimeSpan.Zero;
        foreach (var entry in entries)
        {
            if (entry.What == "offered")
            {
                offered ??= entry.At;
            }

            if (entry.ActorKind is ActorKind.Person or ActorKind.Partner && entry.At > lastActivity)
            {
                lastActivity = entry.At;
            }

            handoffs.Read(entry, record.Team);
            if (entry.To is not { } to)
            {
                continue;
            }

            if (entry.At > since)
            {
                spans[status] = spans.GetValueOrDefault(status) + (entry.At - since);
                if (status == EscalationStatus.WaitingOnCustomer)
                {
                    waitingBeforeResolution += entry.At - since;
                }
            }

            switch (to)
            {
                case EscalationStatus.Acknowledged when offered is not null && acknowledged is null:
                    acknowledged = entry.At;
                    break;
                case EscalationStatus.Resolved:
                    resolved = entry.At;
                    everResolved = true;
                    break;
                case EscalationStatus.Reopened:
                    reopens++;
                    break;
            }

            status = to;
            since = entry.At;
        }

        var firstResponse = ClockResult.Of(record.Clocks, ClockKind.FirstResponse);
        var resolvedNow = record.Status is EscalationStatus.Resolved or EscalationStatus.Closed && resolved is not null;
        return new CaseSummary
        {
            Record = record,
            Open = !Finished.Contains(record.Status),
            StatusSince = since,
            FirstOfferedAt = offered,
            AcknowledgedAt = acknowledged,
            ResolvedAt = resolved,
            TimeToAcknowledge = acknowledged - offered,
            TimeToFirstResponse = firstResponse.MetAt - record.SubmittedAt,
            TimeToResolution = resolvedNow ? resolved - record.SubmittedAt : null,
            TimeToResolutionWorking = resolvedNow ? resolved - record.SubmittedAt - waitingBeforeResolution : null,
            EverResolved = everResolved,
            Reopens = reopens,
            FirstResponse = firstResponse,
            CustomerUpdate = ClockResult.Of(record.Clocks, ClockKind.CustomerUpdate),
            Resolution = ClockResult.Of(record.Clocks, ClockKind.Resolution),
            TimeInStatus = spans,
            HandoffsRequested = handoffs.Requested,
            HandoffsAccepted = handoffs.Accepted,
            HandoffWait = handoffs.Wait,
            HandoffsAnswered = handoffs.Answered,
            HandoffTeams = handoffs.Teams,
            LastActivityAt = lastActivity,
            TooEarly = TimingQuality.TooEarly(record, entries),
            TooLate = TimingQuality.TooLate(record, firstResponse.Target, settings),
            ErrorSignature = ErrorSignature.Of(record.ErrorMessage),
        };
    }

    /// <summary>Handoffs as the timeline tells them: asked, then answered (accepted, turned down, or unanswered at the top).</summary>
    private sealed class HandoffTally
    {
        private DateTimeOffset? _asked;

        public int Requested { get; private set; }

        public int Accepted { get; private set; }

        public int Answered { get; private set; }

        public TimeSpan Wait { get; private set; }

        public List<TeamRef> Teams { get; } = [];

        public void Read(HistoryEntry entry, TeamRef? teamNow)
        {
            switch (entry.What)
            {
                case "handoff-requested":
                    Requested++;
                    _asked ??= entry.At;
                    break;
                case "handoff-accepted" or "handoff-rejected" or "handoff-unanswered":
                    if (_asked is { } asked)
                    {
                        Wait += entry.At - asked;
                        Answered++;
                        _asked = null;
                    }

                    if (entry.What == "handoff-accepted")
                    {
                        Accepted++;
                        if ((entry.TeamId is { } id ? new TeamRef(id, entry.TeamName ?? id) : teamNow) is { } team)
                        {
                            Teams.Add(team);
                        }
                    }

                    break;
            }
        }
    }
}
