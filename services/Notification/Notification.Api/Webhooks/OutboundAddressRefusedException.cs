using System.Net;

namespace Notification.Api.Webhooks;

/// <summary>A webhook host resolved to an address the <see cref="OutboundAddressPolicy"/> refuses; nothing was sent.</summary>
public sealed class OutboundAddressRefusedException(string host, IPAddress address)
    : Exception($"The webhook host '{host}' resolved to {address}, which is internal or private; the connection was not made.")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
