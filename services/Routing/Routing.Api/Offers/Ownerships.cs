using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Validation;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;

namespace Routing.Api.Offers;

public sealed record OwnershipView(
    Guid EscalationId, TeamRef Team, MemberRef Owner, bool Accepted, MemberRef OfferedTo, MemberRef Backup, MemberRef? TeamLead,
    OfferLevel OfferLevel, DateTimeOffset RespondBy, string State, string? TeamTimeZone = null)
{
    public EscalationPlatform.Contracts.Routing.V1.Ownership ToGrpc()
    {
        static EscalationPlatform.Contracts.Routing.V1.Member Member(MemberRef member) => new() { Id = member.Id, Name = member.Name, Email = member.Email };

        var ownership = new EscalationPlatform.Contracts.Routing.V1.Ownership
        {
            EscalationId = EscalationId.ToString(),
            TeamId = Team.Id,
            TeamName = Team.Name,
            Owner = Member(Owner),
            Accepted = Accepted,
            OfferedTo = Member(OfferedTo),
            Backup = Member(Backup),
            OfferLevel = KebabEnum<OfferLevel>.Name(OfferLevel),
            RespondBy = Timestamp.FromDateTimeOffset(RespondBy),
            TeamTimeZone = TeamTimeZone ?? "",
        };
        if (TeamLead is not null)
        {
            ownership.TeamLead = Member(TeamLead);
        }

        return ownership;
    }
}

/// <summary>Who owns an escalation now: whoever accepted it, or until someone does, the person it was first offered
/// to: an owner stays owner until a handoff is accepted (SPEC §3). The offer says who is asked to accept.</summary>
public sealed class Ownerships(RoutingDbContext db)
{
    public async Task<OwnershipView?> FindAsync(string tenantId, Guid escalationId, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking()
            .SingleOrDefaultAsync(state => state.TenantId == tenantId && state.CorrelationId == escalationId && state.OwnerId != null, cancellationToken);
        if (offer is null)
        {
            return null;
        }

        var members = new Dictionary<string, MemberRef>
        {
            [offer.OwnerId] = new(offer.OwnerId, offer.OwnerName, offer.OwnerEmail),
            [offer.BackupId] = new(offer.BackupId, offer.BackupName, offer.BackupEmail),
        };
        MemberRef? lead = offer.LeadId is null ? null : members[offer.LeadId] = new(offer.LeadId, offer.LeadName!, offer.LeadEmail!);
        var ownerId = offer.AcceptedById is { } accepted && members.ContainsKey(accepted) ? accepted : offer.OwnerId;
        var zone = await db.Teams.AsNoTracking().Where(team => team.TenantId == tenantId && team.Id == offer.TeamId).Select(team => team.TimeZone)
            .SingleOrDefaultAsync(cancellationToken);
        return new(
            offer.CorrelationId,
            new TeamRef(offer.TeamId, offer.TeamName),
            members[ownerId],
            offer.AcceptedById is not null,
            members[offer.OfferedToId],
            members[offer.BackupId],
            lead,
            offer.Level,
            new DateTimeOffset(DateTime.SpecifyKind(offer.RespondBy, DateTimeKind.Utc)),
            offer.CurrentState,
            zone);
    }
}
