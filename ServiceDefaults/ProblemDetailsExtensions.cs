using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationPlatform.ServiceDefaults;

public static class ProblemDetailsExtensions
{
    /// <summary>Every error leaves as RFC 9457 problem details carrying the trace id, whether it comes from an
    /// endpoint, a status code with no body, or an exception.</summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        services.AddSingleton<IDeveloperPageExceptionFilter, HandledExceptionsDeveloperPageFilter>();
        services.AddTransient<IStartupFilter, ProblemDetailsStartupFilter>();
        return services;
    }

    /// <summary>In development the framework's exception page sits inside the exception handler and would answer a
    /// client's bad request, or an outage, with a stack trace and a 500; it hands those to the same handlers instead.</summary>
    private sealed class HandledExceptionsDeveloperPageFilter(IEnumerable<IExceptionHandler> handlers) : IDeveloperPageExceptionFilter
    {
        public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
        {
            foreach (var handler in handlers)
            {
                if (await handler.TryHandleAsync(errorContext.HttpContext, errorContext.Exception, errorContext.HttpContext.RequestAborted))
                {
                    return;
                }
            }

            await next(errorContext);
        }
    }

    /// <summary>Puts the exception handler and status code pages first in every pipeline, so no endpoint or
    /// middleware registered later can bypass them.</summary>
    private sealed class ProblemDetailsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            next(app);
        };
    }
}
