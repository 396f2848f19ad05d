using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace EscalationPlatform.Messaging.Operations;

public sealed record ErrorQueueSummary(string Endpoint, string ErrorQueue, uint Messages);

/// <summary>A failed message as the operator sees it, with the tenant it is about (from the message itself).</summary>
public sealed record FailedMessage(
    string? MessageId, IReadOnlyList<string> MessageTypes, string? ExceptionType, string? ExceptionMessage, string? StackTrace,
    DateTimeOffset? FailedAt, int RedeliveryCount, int BodyBytes, string? TenantId = null);

/// <summary>Looks into the error queues of this service's endpoints and moves messages back for reprocessing.
/// Messages are read with basic.get and put back (nack, requeue), so listing leaves the queue as it was;
/// a replayed message is published to its endpoint (with the fault headers removed) before its error copy is
/// acknowledged, so a crash in between replays it twice, and the endpoint's inbox keeps one effect.</summary>
public sealed class ErrorQueueOperations(IConnection connection, ReceiveEndpointNames endpoints)
{
    public const string ErrorSuffix = "_error";
    private const int MaxScan = 10_000;

    public async Task<IReadOnlyList<ErrorQueueSummary>> SummarizeAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<ErrorQueueSummary>();
        foreach (var endpoint in endpoints.All)
        {
            summaries.Add(new(endpoint, endpoint + ErrorSuffix, await MessageCountAsync(endpoint + ErrorSuffix, cancellationToken) ?? 0));
        }

        return summaries;
    }

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(string endpoint, int limit, CancellationToken cancellationToken)
    {
        EnsureKnown(endpoint);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        if (!await ExistsAsync(endpoint + ErrorSuffix, cancellationToken))
        {
            return [];
        }

        var failed = new List<FailedMessage>();
        ulong lastTag = 0;
        while (failed.Count < limit && await channel.BasicGetAsync(endpoint + ErrorSuffix, autoAck: false, cancellationToken) is { } message)
        {
            lastTag = message.DeliveryTag;
            failed.Add(Describe(message));
        }

        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
        }

        return failed;
    }

    /// <summary>Moves the messages with the given ids (all of them when none are given) back to the endpoint's
    /// queue; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string endpoint, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken)
    {
        EnsureKnown(endpoint);
        if (!await ExistsAsync(endpoint + ErrorSuffix, cancellationToken))
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var replayed = 0;
        var kept = new List<ulong>();
        for (var scanned = 0; scanned < MaxScan && await channel.BasicGetAsync(endpoint + ErrorSuffix, autoAck: false, cancellationToken) is { } message; scanned++)
        {
            if (messageIds is { Count: > 0 } && !messageIds.Contains(message.BasicProperties.MessageId ?? ""))
            {
                kept.Add(message.DeliveryTag);
                continue;
            }

            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(header => !header.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && header.Key != "MT-Reason")
                    .ToDictionary(header => header.Key, header => header.Value),
            };
            // MassTransit binds an exchange named after each queue to it.
            await channel.BasicPublishAsync(endpoint, "", mandatory: false, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
            if (messageIds is { Count: > 0 } && replayed == messageIds.Count)
            {
                break;
            }
        }

        foreach (var tag in kept)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }

        return replayed;
    }

    /// <summary>The queue's depth, or null when it does not exist (an error queue appears with its first fault).
    /// A passive declare of a missing queue closes its channel, so each check has a channel of its own.</summary>
    private async Task<uint?> MessageCountAsync(string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private async Task<bool> ExistsAsync(string queue, CancellationToken cancellationToken) =>
        await MessageCountAsync(queue, cancellationToken) is not null;

    private void EnsureKnown(string endpoint)
    {
        if (!endpoints.Contains(endpoint))
        {
            throw new UnknownEndpointException(endpoint);
        }
    }

    private static FailedMessage Describe(BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Text(string key) => headers.TryGetValue(key, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

        var (types, tenant) = Envelope(message.Body.Span);
        return new(
            message.BasicProperties.MessageId,
            types,
            Text("MT-Fault-ExceptionType"),
            Text("MT-Fault-Message"),
            Text("MT-Fault-StackTrace"),
            DateTimeOffset.TryParse(Text("MT-Fault-Timestamp"), out var failedAt) ? failedAt : null,
            int.TryParse(Text("MT-Redelivery-Count"), out var redeliveries) ? redeliveries : 0,
            message.Body.Length,
            tenant);
    }

    /// <summary>The message types and the tenant the message names (every platform message carries TenantId).</summary>
    private static (IReadOnlyList<string> Types, string? Tenant) Envelope(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var envelope = JsonDocument.ParseValue(ref reader);
            var root = envelope.RootElement;
            IReadOnlyList<string> types = root.TryGetProperty("messageType", out var listed) && listed.ValueKind == JsonValueKind.Array
                ? [.. listed.EnumerateArray().Select(type => type.GetString() ?? "")]
                : [];
            var tenant = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("tenantId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            return (types, tenant);
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }
}

public sealed class UnknownEndpointException(string endpoint) : Exception($"'{endpoint}' is not a receive endpoint of this service.")
{
    public string Endpoint { get; } = endpoint;
}
