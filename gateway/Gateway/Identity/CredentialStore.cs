using System.Security.Cryptography;
using System.Text;
using EscalationPlatform.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace EscalationPlatform.Gateway.Identity;

/// <summary>Finds the credential a secret belongs to. Lookups are cached for a few seconds per gateway replica
/// (a revoked key stops working within <see cref="CacheFor"/>), unknown secrets too, so guessing costs no
/// database round trips. The cache holds at most <see cref="MaxCachedSecrets"/> entries: a flood of made-up keys
/// evicts entries, it cannot grow the gateway's memory (and the failures count against the caller's address,
/// <see cref="Middleware.UnauthenticatedLimiter"/>).</summary>
public sealed class CredentialStore(IServiceScopeFactory scopes) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public const int MaxCachedSecrets = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCachedSecrets });

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public async Task<Credential?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = HashOf(secret);
        if (_cache.TryGetValue(hash, out Credential? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(row => row.Hash == hash && row.RevokedAt == null, cancellationToken);
        _cache.Set(hash, credential, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheFor });
        return credential;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A new secret: "ep_" and 32 random characters for API keys; 32 hex characters for PagerDuty
    /// integration keys (the shape PagerDuty's routing keys have).</summary>
    public static string NewSecret(string kind) => kind == CredentialKind.PagerDuty
        ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))
        : "ep_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
