using EscalationPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace Notification.Api.Projections;

/// <summary>The customer's rating link for a case that closed: the gateway's /csat/{token}, signed with the key the
/// services share (<see cref="RatingLink"/>), valid for <see cref="RatingLink.ValidFor"/>. Insights takes the rating.</summary>
public sealed class RatingLinks(IOptions<NotificationOptions> options, IConfiguration configuration, TimeProvider clock)
{
    private readonly byte[] _key = RatingLink.KeyFrom(configuration["Tenancy:TrustKey"]);

    public string? For(CustomerCommitmentUpdated commitment) => commitment.Status == EscalationStatus.Closed
        ? $"{options.Value.GatewayUrl.TrimEnd('/')}/csat/{RatingLink.Token(commitment.TenantId, commitment.EscalationId, clock.GetUtcNow() + RatingLink.ValidFor, _key)}"
        : null;
}
