using System.Text.Json;
using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Data;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using EscalationPlatform.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EscalationPlatform.Gateway.Admin;

public sealed record CredentialRequest(
    string? Name = null, string? Kind = null, IReadOnlyList<string>? Scopes = null, string? CustomerId = null, int? RateLimitPerMinute = null);

/// <summary>A credential as listed: never its secret, which is shown once, in the answer that creates it (and not
/// in a replay of that answer under its Idempotency-Key).</summary>
public sealed record CredentialView(
    Guid Id, string Name, string Kind, string Prefix, IReadOnlyList<string> Scopes, string? CustomerId, int? RateLimitPerMinute,
    DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, string? Key = null) : IHoldsSecret
{
    public object WithoutSecret() => this with { Key = null };
}

/// <summary>The admin API for partner credentials of the caller's tenant: API keys (with scopes) and PagerDuty
/// integration keys (bound to a customer).</summary>
public static class CredentialEndpoints
{
    public const string Prefix = "/api/v1/admin/api-keys";
    public const int MaxPerTenant = 200;

    public static IEndpointRouteBuilder MapCredentialAdmin(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup(Prefix).WithTags("Administration").RequireAuthorization(PlatformPolicies.Admin);
        keys.MapPost("/", CreateAsync).WithIdempotency<GatewayDbContext, RouteHandlerBuilder>()
            .WithSummary("Creates an API key or a PagerDuty integration key for the tenant; the secret is in this answer only.");
        keys.MapGet("/", ListAsync).WithSummary("The tenant's credentials, without their secrets.");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithIdempotency<GatewayDbContext, RouteHandlerBuilder>()
            .WithSummary("Revokes a credential: it stops working within seconds on every gateway replica.");
        return endpoints;
    }

    private static async Task<Results<Created<CredentialView>, ValidationProblem>> CreateAsync(
        CredentialRequest request, GatewayDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("name", request.Name, 200, required: true).Text("customerId", request.CustomerId, 200);
        var kind = request.Kind ?? CredentialKind.ApiKey;
        if (!CredentialKind.All.Contains(kind))
        {
            errors.Add("kind", $"one of {string.Join(", ", CredentialKind.All)}");
        }

        var scopes = kind == CredentialKind.PagerDuty ? [Scopes.PagerDuty] : (request.Scopes ?? []).Distinct().ToArray();
        if (kind == CredentialKind.ApiKey && (scopes.Length == 0 || scopes.Any(scope => !Scopes.ForApiKeys.Contains(scope))))
        {
            errors.Add("scopes", $"one or more of {string.Join(", ", Scopes.ForApiKeys)}");
        }

        if (request.CustomerId is null && (kind == CredentialKind.PagerDuty || scopes.Contains(Scopes.Alertmanager)))
        {
            errors.Add("customerId", "required for an integration: the customer its escalations are for");
        }

        errors.Range("rateLimitPerMinute", request.RateLimitPerMinute, 1, 100_000);
        if (await db.Credentials.CountAsync(row => row.TenantId == tenant.TenantId && row.RevokedAt == null, cancellationToken) >= MaxPerTenant)
        {
            errors.Add("name", $"a tenant has at most {MaxPerTenant} live credentials; revoke one first");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var secret = CredentialStore.NewSecret(kind);
        var credential = new Credential
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.TenantId,
            Kind = kind,
            Name = request.Name!,
            Prefix = secret[..8],
            Hash = CredentialStore.HashOf(secret),
            Scopes = JsonSerializer.Serialize(scopes),
            CustomerId = request.CustomerId,
            RateLimitPerMinute = request.RateLimitPerMinute,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = tenant.Actor.Id,
        };
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Prefix}/{credential.Id}", View(credential) with { Key = secret });
    }

    private static async Task<Ok<List<CredentialView>>> ListAsync(GatewayDbContext db, ITenantContext tenant, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Credentials.AsNoTracking().Where(row => row.TenantId == tenant.TenantId).OrderBy(row => row.Id)
            .ToListAsync(cancellationToken)).Select(View).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, GatewayDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.Credentials.Where(row => row.TenantId == tenant.TenantId && row.Id == id)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.RevokedAt, row => row.RevokedAt ?? now), cancellationToken);
        return revoked == 1 ? TypedResults.NoContent() : Problems.NotFound("credential", id.ToString());
    }

    private static CredentialView View(Credential credential) => new(
        credential.Id, credential.Name, credential.Kind, credential.Prefix, JsonSerializer.Deserialize<string[]>(credential.Scopes)!,
        credential.CustomerId, credential.RateLimitPerMinute, credential.CreatedAt, credential.CreatedBy, credential.RevokedAt);
}
