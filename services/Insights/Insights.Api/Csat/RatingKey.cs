using EscalationPlatform.Contracts;

namespace Insights.Api.Csat;

/// <summary>The key rating links are checked with (<see cref="RatingLink.KeyFrom"/>).</summary>
public sealed record RatingKey(byte[] Key)
{
    public static RatingKey From(IConfiguration configuration) => new(RatingLink.KeyFrom(configuration["Tenancy:TrustKey"]));
}
