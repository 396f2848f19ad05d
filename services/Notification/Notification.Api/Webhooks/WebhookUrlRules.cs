using System.Net;

namespace Notification.Api.Webhooks;

/// <summary>Which URLs a tenant may register to receive webhooks. This refuses what is plainly internal at once, so
/// the tenant hears of it; the guard that counts is at connect time (<see cref="GuardedConnection"/>), because a
/// public-looking name can resolve to an internal address, then or later.</summary>
public static class WebhookUrlRules
{
    public const string InternalAddress = "an internal or private address cannot receive webhooks";

    /// <summary>Why the URL cannot be registered, or null when it can.</summary>
    public static string? Refusal(string? text, OutboundAddressPolicy policy)
    {
        if (text is null || text.Length > WebhookSubscription.MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return $"an absolute http or https URL of at most {WebhookSubscription.MaxUrlLength} characters";
        }

        if (url.UserInfo.Length > 0)
        {
            return "a URL without a user name or password (each call is signed instead)";
        }

        return NamesInternalHost(url, policy) ? InternalAddress : null;
    }

    private static bool NamesInternalHost(Uri url, OutboundAddressPolicy policy)
    {
        // IdnHost is what the HTTP client connects to: Uri has already turned 2130706433, 0x7f000001, 0177.1, 127.1
        // and full-width digits into 127.0.0.1, and it drops the brackets of an IPv6 literal.
        var host = url.IdnHost.TrimEnd('.');
        if (IPAddress.TryParse(host, out var address))
        {
            return !policy.Allows(address);
        }

        return url.HostNameType != UriHostNameType.Dns // "Basic": underscores, as in service-discovery names (_grpc.sla-api)
            || !host.Contains('.') // one label: a service-discovery or intranet name (intake-api)
            || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
