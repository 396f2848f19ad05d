using System.Net;
using System.Net.Sockets;

namespace Notification.Api.Webhooks;

/// <summary>Decides whether the platform may call an address on a tenant's behalf: only public unicast addresses,
/// so a webhook cannot reach the platform's own services, the cloud metadata endpoint or the private network.
/// Networks an operator allow-lists (<see cref="WebhookOptions.AllowedNetworks"/>) are allowed whatever they are.</summary>
public sealed class OutboundAddressPolicy(IReadOnlyList<IPNetwork> allowedNetworks)
{
    private static readonly IPNetwork[] RefusedIPv4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),       // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),      // private
        IPNetwork.Parse("100.64.0.0/10"),   // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),     // loopback
        IPNetwork.Parse("169.254.0.0/16"),  // link-local, including the metadata endpoint 169.254.169.254
        IPNetwork.Parse("172.16.0.0/12"),   // private
        IPNetwork.Parse("192.0.0.0/24"),    // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),    // documentation
        IPNetwork.Parse("192.88.99.0/24"),  // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"),  // private
        IPNetwork.Parse("198.18.0.0/15"),   // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // documentation
        IPNetwork.Parse("203.0.113.0/24"),  // documentation
        IPNetwork.Parse("224.0.0.0/4"),     // multicast
        IPNetwork.Parse("240.0.0.0/4"),     // reserved, and the broadcast address
    ];

    // Only global unicast (2000::/3) is callable; everything outside it (loopback, unspecified, link-local, unique
    // local, multicast, IPv4-compatible, discard) is refused without being listed. These are the exceptions inside it.
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] RefusedIPv6 =
    [
        IPNetwork.Parse("2001::/32"),     // Teredo: the IPv4 address inside is obfuscated, so it cannot be judged
        IPNetwork.Parse("2001:2::/48"),   // benchmarking
        IPNetwork.Parse("2001:db8::/32"), // documentation
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static OutboundAddressPolicy PublicOnly { get; } = new([]);

    /// <summary>Reads a comma-separated list of networks in CIDR notation ("127.0.0.2/32,10.1.0.0/16"); a bare
    /// address means that address alone.</summary>
    public static OutboundAddressPolicy WithAllowedNetworks(string? networks)
    {
        var allowed = new List<IPNetwork>();
        foreach (var text in (networks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(text, out var network))
            {
                allowed.Add(network);
            }
            else if (IPAddress.TryParse(text, out var address))
            {
                allowed.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new FormatException(
                    $"Notification:Webhooks:AllowedNetworks: '{text}' is not a network in CIDR notation (such as 10.1.0.0/16) or an address.");
            }
        }

        return new OutboundAddressPolicy(allowed);
    }

    public bool Allows(IPAddress address) =>
        allowedNetworks.Any(network => network.Contains(address) || address.IsIPv4MappedToIPv6 && network.Contains(address.MapToIPv4()))
        || IsPublic(address);

    private static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !RefusedIPv4.Any(network => network.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        // These prefixes carry an IPv4 address that a gateway will forward to: judge that address.
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        return GlobalUnicast.Contains(address) && !RefusedIPv6.Any(network => network.Contains(address));
    }
}
