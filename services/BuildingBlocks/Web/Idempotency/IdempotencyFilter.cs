using System.Text;
using System.Text.Json;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Web.Idempotency;

/// <summary>SPEC §9's Idempotency-Key: the first request under a key runs in a transaction that also records
/// the key and the answer; a retry (same key, same request: method, path, query and body bytes) gets that answer
/// again without running; the same key with a different request gets 422. Keys belong to the credential that sent
/// them (two partners' "ticket-1" are two keys). Concurrent requests under one key wait for the first to commit and
/// then replay it. Only successful answers are kept: after an error the key is free again. A secret in an answer
/// (a new API key, a webhook's signing secret) is never stored: a replay answers without it.</summary>
public sealed class IdempotencyFilter<TDbContext>(TDbContext dbContext, ITenantContext tenant, TimeProvider clock, IOptions<JsonOptions> json)
    where TDbContext : DbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[IdempotencyFilter.Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            return await next(context);
        }

        if (key.Length > IdempotencyFilter.MaxKeyLength || key.Any(char.IsControl))
        {
            return FieldProblems.Result(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key.",
                $"The Idempotency-Key header must be 1 to {IdempotencyFilter.MaxKeyLength} printable characters.",
                IdempotencyFilter.Header, $"1 to {IdempotencyFilter.MaxKeyLength} printable characters");
        }

        var hash = await HashAsync(http.Request);
        var actor = tenant.Actor.Id;
        await using var transaction = await dbContext.Database.BeginTransactionAsync(http.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await dbContext.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_key (tenant_id, actor_id, key, request_hash, status_code, created_at)
            VALUES ({tenant.TenantId}, {actor}, {key}, {hash}, 0, {now}) ON CONFLICT DO NOTHING
            """,
            http.RequestAborted) == 1;
        if (!claimed)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            var first = await dbContext.Set<IdempotencyRecord>().AsNoTracking()
                .SingleAsync(record => record.TenantId == tenant.TenantId && record.ActorId == actor && record.Key == key, http.RequestAborted);
            return first.RequestHash == hash
                ? new ReplayedResult(first)
                : FieldProblems.Result(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    IdempotencyFilter.Header, "already used for a different request");
        }

        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result; // Results<T1, T2> wraps the answer
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            var kept = IdempotencyFilter.Kept(answer);
            var body = kept is null ? null : JsonSerializer.Serialize(kept, kept.GetType(), json.Value.SerializerOptions);
            var location = answer.GetType().GetProperty("Location")?.GetValue(answer) as string;
            await dbContext.Database.ExecuteSqlAsync(
                $"""
                UPDATE idempotency_key SET status_code = {success.StatusCode ?? 200}, response_body = {body}, location = {location}
                WHERE tenant_id = {tenant.TenantId} AND actor_id = {actor} AND key = {key}
                """,
                http.RequestAborted);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return result;
    }

    /// <summary>What was asked: method, path, query and the raw body (buffered before model binding read it).</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        var body = await RequestBody.Sha256Async(request, request.HttpContext.RequestAborted);
        return SignedRequest.HashOf(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n{body}"));
    }

    private sealed class ReplayedResult(IdempotencyRecord first) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => first.StatusCode;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = first.StatusCode;
            httpContext.Response.Headers[IdempotencyFilter.ReplayedHeader] = "true";
            if (first.Location is not null)
            {
                httpContext.Response.Headers.Location = first.Location;
            }

            if (first.ResponseBody is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(first.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}

/// <summary>An answer that carries a secret shown only once: an Idempotency-Key replay answers its secret-free copy.</summary>
public interface IHoldsSecret
{
    object WithoutSecret();
}

public static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>What is stored of a successful answer's value to replay it: the value, without its secret if it
    /// holds one (<see cref="IHoldsSecret"/>); null for an answer without a value.</summary>
    public static object? Kept(object? answer) =>
        answer is IValueHttpResult { Value: { } value } ? value is IHoldsSecret secret ? secret.WithoutSecret() : value : null;

    /// <summary>Honours Idempotency-Key on this endpoint, keeping keys in <typeparamref name="TDbContext"/>'s database.</summary>
    public static TBuilder WithIdempotency<TDbContext, TBuilder>(this TBuilder builder)
        where TDbContext : DbContext
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IdempotencyFilter<TDbContext>>().InvokeAsync(context, next));
}
