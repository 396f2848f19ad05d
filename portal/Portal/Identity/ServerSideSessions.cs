using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace EscalationPlatform.Portal.Identity;

/// <summary>Keeps each sign-in (the person's claims and gateway token) on the server; the browser's cookie carries only
/// an opaque key. A session ends when its token expires, or at sign-out. The session is encrypted before it is stored
/// (it holds the person's token, and the cache is shared): only the portal's own key ring opens it.</summary>
public sealed class ServerSideSessions(IDistributedCache cache, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private const string Prefix = "portal-session:";

    private readonly IDataProtector _protector = protection.CreateProtector("EscalationPlatform.Portal.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, _protector.Protect(TicketSerializer.Default.Serialize(ticket)), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8),
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (await cache.GetAsync(Prefix + key) is not { } stored)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // sealed with a key this portal no longer has: the person signs in again
        }
    }

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);

    public static void Use(CookieAuthenticationOptions options, ITicketStore store) => options.SessionStore = store;
}
