using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EscalationPlatform.ServiceDefaults;

public static class OpenTelemetryExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter are both called "MassTransit".</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>The ActivitySource and Meter the platform's own code reports under.</summary>
    public const string PlatformSource = "EscalationPlatform";

    /// <summary>Traces, metrics and log records for an OTLP collector (the Aspire dashboard locally). Without one
    /// configured nothing is built: spans and measurements nobody collects cost a fifth of a core per service at rest
    /// (docs/performance.md). Request activities still exist for the logs' scopes and the gateway's traceparent.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (!builder.HasTelemetryCollector())
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource, PlatformSource))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, MassTransitSource, PlatformSource, "Npgsql")
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>Whether an OTLP collector is configured; the database, broker and cache clients trace only then too.</summary>
    public static bool HasTelemetryCollector(this IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>Health probes run every few seconds; tracing them would bury the traces that matter.</summary>
    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Extensions.HealthPath)
        || context.Request.Path.StartsWithSegments(Extensions.AlivePath);
}
