using EscalationPlatform.Portal.Gateway;

namespace EscalationPlatform.Portal.Identity;

/// <summary>Development sign-in: asks the gateway's development issuer (loopback callers only, Development only) for a
/// token of the tenant, person and role chosen on the sign-in page. In any other environment the portal has no such
/// page, and the gateway no such issuer.</summary>
public sealed class DevTokens(HttpClient http)
{
    public const string Path = "/api/v1/auth/dev-token";

    private sealed record Issued(string Token, DateTimeOffset ExpiresAt);

    public async Task<GatewayResult<PortalUser>> SignInAsync(string tenant, string id, string name, string role, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(Path, new { tenant, subject = id, name, roles = new[] { role } }, GatewayClient.Json, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, await GatewayProblem.ReadAsync(response, cancellationToken));
            }

            var issued = await response.Content.ReadFromJsonAsync<Issued>(GatewayClient.Json, cancellationToken);
            return new(new PortalUser(tenant, id, name, [role], issued!.Token, issued.ExpiresAt), null);
        }
        catch (HttpRequestException failure)
        {
            return new(null, GatewayProblem.Unreachable(failure.Message));
        }
    }
}
