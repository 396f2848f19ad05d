using EscalationPlatform.Contracts;
using Intake.Domain;

namespace Intake.UnitTests;

/// <summary>Escalations in each status, as the Domain sees them, and the people and moments the tests use.</summary>
internal static class Cases
{
    public const string Tenant = "acme-support";
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(3);

    public static readonly Person Owner = new("u-owner", "Olga Owner");
    public static readonly Person Backup = new("u-backup", "Bert Backup");
    public static readonly Person Lead = new("u-lead", "Lea Lead");
    public static readonly Actor Submitter = new(ActorKind.Partner, "key:k1", "Frontline tool");
    public static readonly Actor Manager = new(ActorKind.Person, "u-manager", "Mia Manager");
    public static readonly Actor Stranger = new(ActorKind.Person, "u-stranger", "Sam Stranger");

    public static Actor ActorOf(Person person) => new(ActorKind.Person, person.Id, person.Name);

    public static Caller CallerOf(Person person) => new(ActorOf(person), IsManager: false);

    public static readonly CaseFacts Facts = new()
    {
        IssueType = IssueType.Technical,
        Customer = new CustomerFacts { Id = "cust-1", Name = "Acme GmbH", Tier = CustomerTier.Premium, TimeZone = "Europe/Berlin" },
        Impact = new ImpactFacts { Scope = ImpactScope.Team },
        Urgency = new UrgencyFacts { WorkaroundAvailable = true },
        Context = new ContextFacts { ErrorMessages = ["E42"], AffectedServices = ["billing-api"] },
        ActionsTaken = ["restarted the client"],
        SubmittedAt = Now.AddHours(-1),
    };

    public static EscalationState NewCase() =>
        EscalationState.Submitted(Guid.Parse("0193f0a0-0000-7000-8000-000000000001"), Tenant, "ESC-000001", "Checkout fails", Submitter.Id, Facts);

    /// <summary>An escalation that got as far as <paramref name="status"/> the usual way: triaged S3, offered to the
    /// owner, acknowledged, worked on, resolved (a closed one also has its closing time).</summary>
    public static EscalationState In(EscalationStatus status)
    {
        var state = NewCase() with { Status = status };
        if (status is EscalationStatus.Submitted or EscalationStatus.NeedsInformation or EscalationStatus.Deflected)
        {
            return status == EscalationStatus.NeedsInformation ? state with { Severity = Severity.S3, MissingFacts = [new MissingFact("logs", "Log links")] } : state;
        }

        state = state with { Severity = Severity.S3, Rules = [new FiredRule("team-degraded", Severity.S3, "A team is degraded")], MatrixVersion = 1 };
        if (status is EscalationStatus.Triaged || status == EscalationStatus.Cancelled)
        {
            return state;
        }

        state = state with
        {
            Team = new TeamRef("t-payments", "Payments"), Owner = Owner, Backup = Backup, TeamLeadId = Lead.Id, OfferedTo = Owner,
            OfferLevel = OfferLevel.Owner, RespondBy = Now.AddMinutes(5).UtcDateTime,
        };
        if (status == EscalationStatus.Assigned)
        {
            return state;
        }

        state = state with { AcknowledgedAt = Now.AddMinutes(-30).UtcDateTime };
        if (status is EscalationStatus.Resolved or EscalationStatus.Closed)
        {
            var resolvedAt = Now.AddHours(-1).UtcDateTime;
            state = state with
            {
                Resolution = new ResolutionDetails(ResolutionKind.Fix, "patched", null, resolvedAt, Owner.Name), ResolvedAt = resolvedAt,
                AutoCloseAt = status == EscalationStatus.Resolved ? resolvedAt + AutoCloseAfter : null,
                ClosedAt = status == EscalationStatus.Closed ? Now.AddMinutes(-10).UtcDateTime : null,
            };
        }

        return state;
    }

    /// <summary>The timeline entries' "what", in order.</summary>
    public static IEnumerable<string> Whats(this Decision decision) => decision.Timeline.Select(note => note.What);

    public static T Single<T>(this Decision decision) => Assert.Single(decision.Messages.OfType<T>());
}
