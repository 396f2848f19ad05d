using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Notification.Api.Webhooks;

namespace Notification.Api.Deliveries;

/// <summary>What the delivery log says about a failed attempt: a category the tenant can act on, never the exception
/// text, which would tell whoever registered a webhook what answered inside the platform's network. The exception
/// itself goes to the service log.</summary>
public static class DeliveryErrors
{
    public const string AddressNotAllowed = "the address is not allowed (internal or private network)";
    public const string TimedOut = "timed out";
    public const string ConnectionFailed = "connection failed";
    public const string MailRefused = "the mail server refused the message";
    public const string Failed = "the delivery failed";

    public static string Describe(Exception failure)
    {
        if (failure is DeliveryFailedException known)
        {
            return known.Message;
        }

        var chain = Chain(failure).ToList();
        if (chain.Any(error => error is OutboundAddressRefusedException))
        {
            return AddressNotAllowed;
        }

        if (chain.Any(error => error is OperationCanceledException or TimeoutException or SocketException { SocketErrorCode: SocketError.TimedOut }))
        {
            return TimedOut;
        }

        if (chain.Any(error => error is SmtpCommandException))
        {
            return MailRefused;
        }

        return chain.Any(error => error is HttpRequestException or SocketException or IOException or ProtocolException or ServiceNotConnectedException)
            ? ConnectionFailed
            : Failed;
    }

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        for (Exception? error = failure; error is not null; error = error.InnerException)
        {
            yield return error;
        }
    }
}
