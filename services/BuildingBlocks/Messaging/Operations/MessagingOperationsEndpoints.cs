using EscalationPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EscalationPlatform.Messaging.Operations;

public sealed record ReplayRequest(IReadOnlyList<string>? MessageIds = null);

public sealed record ReplayResult(string Endpoint, int Replayed);

public static class MessagingOperationsEndpoints
{
    public const int MaxListLimit = 500;

    /// <summary>The operations surface under <c>{prefix}/ops</c>: error queues, their messages with the
    /// exception that put them there (and the tenant each is about), and replay. Error queues hold every tenant's
    /// messages, so only the platform operator reaches them: the gateway routes them for the operator's credential
    /// only, and the services' identity check refuses anyone else here.</summary>
    public static RouteGroupBuilder MapMessagingOperations(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var ops = endpoints.MapGroup($"{prefix}/ops").WithTags("Operations");

        ops.MapGet("/error-queues", async (ErrorQueueOperations operations, CancellationToken cancellationToken) =>
                TypedResults.Ok(await operations.SummarizeAsync(cancellationToken)))
            .WithSummary("The error queue of each endpoint of this service and how many messages wait there.");

        ops.MapGet("/error-queues/{endpoint}/messages",
                async Task<Results<Ok<IReadOnlyList<FailedMessage>>, ProblemHttpResult>> (
                    string endpoint, int? limit, ErrorQueueOperations operations, CancellationToken cancellationToken) =>
                {
                    if (limit is < 1 or > MaxListLimit)
                    {
                        return InvalidLimit();
                    }

                    return await Known(endpoint, async () => TypedResults.Ok(await operations.ListAsync(endpoint, limit ?? 50, cancellationToken)));
                })
            .WithSummary("Messages in an endpoint's error queue with the exception that put them there (the queue is left as it was).");

        ops.MapPost("/error-queues/{endpoint}/replay",
                async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> (
                    string endpoint, ReplayRequest? request, ErrorQueueOperations operations, CancellationToken cancellationToken) =>
                    await Known(endpoint, async () => TypedResults.Ok(
                        new ReplayResult(endpoint, await operations.ReplayAsync(endpoint, request?.MessageIds, cancellationToken)))))
            .WithSummary("Moves messages (the listed ids, or all) from an endpoint's error queue back to the endpoint.");

        return ops;
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Known<T>(string endpoint, Func<Task<Ok<T>>> action)
    {
        try
        {
            return await action();
        }
        catch (UnknownEndpointException)
        {
            return FieldProblems.Result(StatusCodes.Status404NotFound, "Unknown endpoint.",
                $"'{endpoint}' is not a receive endpoint of this service.", "endpoint", "not an endpoint of this service");
        }
    }

    private static ProblemHttpResult InvalidLimit() => FieldProblems.Result(StatusCodes.Status400BadRequest, "Invalid limit.",
        $"limit must be between 1 and {MaxListLimit}.", "limit", $"must be between 1 and {MaxListLimit}");
}
