using System.Text.Json;
using System.Text.Json.Serialization;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Web;

public static class WebConventions
{
    /// <summary>Largest request body a service accepts (the gateway enforces its own limit in front).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Applies JSON as every API speaks it: camelCase names, kebab-case enum values ("single-user")
    /// except severities, which keep the names support people use ("S1"), nulls left out, and no unknown or mistyped fields accepted (a typo is a 400 naming the field, not a
    /// silently ignored value), and no field given twice (which of two values counts is a guess, and readers differ).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter<Contracts.Severity>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new Validation.TextWithoutNul());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
    }

    /// <summary>The API conventions of SPEC §9 for a service whose database is <typeparamref name="TDbContext"/> and
    /// which signatures address as <paramref name="service"/>: tenant per request, JSON, body size limit, Idempotency-Key support (endpoints opt in with
    /// <see cref="IdempotencyFilter.WithIdempotency{TDbContext, TBuilder}"/>).</summary>
    public static IHostApplicationBuilder AddWebConventions<TDbContext>(this IHostApplicationBuilder builder, string service) where TDbContext : DbContext
    {
        builder.RequireTrustKeyOutsideDevelopment();
        builder.Services.AddSingleton(new PlatformService(service));
        builder.Services.AddTenancy();
        builder.Services.ConfigureHttpJsonOptions(options => Apply(options.SerializerOptions));
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.MaxReceiveMessageSize = (int)MaxRequestBodyBytes);
        builder.Services.AddScoped<IdempotencyFilter<TDbContext>>();
        builder.Services.AddHostedService<IdempotencyCleanupService<TDbContext>>();
        builder.Services.AddScoped<TenantGrpcInterceptor>();
        builder.Services.AddSingleton<PlatformCallOptions>();
        builder.Services.AddSingleton<ServiceDefaults.IServiceInfoAudience, OperatorSeesDetails>();
        builder.Services.AddTransient<IStartupFilter, WebConventionsStartupFilter>();
        return builder;
    }

    private sealed class OperatorSeesDetails : ServiceDefaults.IServiceInfoAudience
    {
        public bool SeesDetails(HttpContext context) =>
            context.RequestServices.GetRequiredService<TenantContext>() is { IsResolved: true, Identity.IsOperator: true };
    }

    private sealed class WebConventionsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseGrpcOwnBodyLimit();
            app.UseMiddleware<TenantResolutionMiddleware>();
            next(app);
        };
    }
}
