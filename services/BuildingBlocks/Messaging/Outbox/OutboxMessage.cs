using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace EscalationPlatform.Messaging.Outbox;

/// <summary>A message waiting to be handed to the broker: published or sent by a consumer, a saga or an API
/// endpoint in the same transaction as its state change, or scheduled for later. <see cref="DueAt"/> is when:
/// the commit time for an immediate message, the scheduled time for a timer. The body is the serialized
/// MassTransit envelope, so the message leaves with the id, headers and trace context it was given.</summary>
public sealed class OutboxMessage : OutboxMessageContext
{
    private Headers? _headers;
    private IReadOnlyDictionary<string, object>? _properties;

    public long SequenceNumber { get; set; }

    public Guid MessageId { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>Set for scheduled messages: the handle a scheduler cancels them by, and the scheduling token
    /// the receiver compares to ignore a stale fire.</summary>
    public Guid? TokenId { get; set; }

    public Uri DestinationAddress { get; set; } = null!;

    public string ContentType { get; set; } = null!;

    public string MessageType { get; set; } = null!;

    public string Body { get; set; } = null!;

    public string? Headers { get; set; }

    public string? Properties { get; set; }

    public Guid? ConversationId { get; set; }

    public Guid? CorrelationId { get; set; }

    public Guid? InitiatorId { get; set; }

    public Guid? RequestId { get; set; }

    public Uri? SourceAddress { get; set; }

    public Uri? ResponseAddress { get; set; }

    public Uri? FaultAddress { get; set; }

    public DateTime SentTime { get; set; }

    public DateTime? ExpirationTime { get; set; }

    Guid? MessageContext.MessageId => MessageId;

    DateTime? MessageContext.SentTime => SentTime;

    Headers MessageContext.Headers => _headers ?? EmptyHeaders.Instance;

    HostInfo MessageContext.Host => HostMetadataCache.Host;

    IReadOnlyDictionary<string, object> OutboxMessageContext.Properties => _properties ?? new Dictionary<string, object>();

    /// <summary>Reads the stored headers and transport properties back before the message is sent.</summary>
    public void PrepareForDelivery()
    {
        _headers = new DictionarySendHeaders(HeaderSerialization.Read(Headers)!);
        _properties = HeaderSerialization.Read(Properties);
    }
}
