using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EscalationPlatform.Web.Idempotency;

/// <summary>SPEC §9's Idempotency-Key: the first request under a key runs in a transaction that also records
/// the key and the answer; a retry (same key, same request) gets that answer again without running; the same
/// key with a different request gets 422. Concurrent requests under one key wait for the first to commit and
/// then replay it. Only successful answers are kept: after an error the key is free again.</summary>
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
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key.",
                detail: $"The Idempotency-Key header must be 1 to {IdempotencyFilter.MaxKeyLength} printable characters.",
                extensions: Problems.Field(IdempotencyFilter.Header, $"1 to {IdempotencyFilter.MaxKeyLength} printable characters"));
        }

        var hash = await HashAsync(http.Request);
        await using var transaction = await dbContext.Database.BeginTransactionAsync(http.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await dbContext.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_key (tenant_id, key, request_hash, status_code, created_at)
            VALUES ({tenant.TenantId}, {key}, {hash}, 0, {now}) ON CONFLICT DO NOTHING
            """,
            http.RequestAborted) == 1;
        if (!claimed)
        {
            await transaction.RollbackAsync(http.RequestAborted);
            var first = await dbContext.Set<IdempotencyRecord>().AsNoTracking()
                .SingleAsync(record => record.TenantId == tenant.TenantId && record.Key == key, http.RequestAborted);
            return first.RequestHash == hash
                ? new ReplayedResult(first)
                : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused.",
                    detail: "This Idempotency-Key was used for a different request; use a new key for a new request.",
                    extensions: Problems.Field(IdempotencyFilter.Header, "already used for a different request"));
        }

        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result; // Results<T1, T2> wraps the answer
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
        {
            var body = answer is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
            var location = answer.GetType().GetProperty("Location")?.GetValue(answer) as string;
            await dbContext.Database.ExecuteSqlAsync(
                $"""
                UPDATE idempotency_key SET status_code = {success.StatusCode ?? 200}, response_body = {body}, location = {location}
                WHERE tenant_id = {tenant.TenantId} AND key = {key}
                """,
                http.RequestAborted);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return result;
    }

    /// <summary>What was asked: method, path, query and the raw body (buffered by the web conventions).</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }

            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
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

public static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>Honours Idempotency-Key on this endpoint, keeping keys in <typeparamref name="TDbContext"/>'s database.</summary>
    public static TBuilder WithIdempotency<TDbContext, TBuilder>(this TBuilder builder)
        where TDbContext : DbContext
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IdempotencyFilter<TDbContext>>().InvokeAsync(context, next));
}
