using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace EscalationPlatform.Portal.Identity;

/// <summary>Keeps each sign-in (the person's claims and gateway token) on the server; the browser's cookie carries only
/// an opaque key. A session ends when its token expires, or at sign-out.</summary>
public sealed class ServerSideSessions(IDistributedCache cache, TimeProvider clock) : ITicketStore
{
    private const string Prefix = "portal-session:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8),
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(Prefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);

    public static void Use(CookieAuthenticationOptions options, ITicketStore store) => options.SessionStore = store;
}
