using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Notification.Api.Deliveries;
using Notification.Api.Webhooks;

namespace Notification.UnitTests;

/// <summary>The delivery log shows a category; the exception text (addresses, host names, server banners) never.</summary>
public sealed class DeliveryErrorsTests
{
    [Fact]
    public void A_refused_address_is_named_as_such_without_the_address() =>
        Assert.Equal(DeliveryErrors.AddressNotAllowed, DeliveryErrors.Describe(
            new HttpRequestException("An error occurred", new OutboundAddressRefusedException("rebind.partner.example", IPAddress.Parse("10.0.0.7")))));

    [Fact]
    public void A_connection_error_says_only_that_the_connection_failed() =>
        Assert.Equal(DeliveryErrors.ConnectionFailed, DeliveryErrors.Describe(
            new HttpRequestException("Connection refused (intake-api:8080)", new SocketException((int)SocketError.ConnectionRefused))));

    [Theory]
    [InlineData(typeof(TaskCanceledException))]
    [InlineData(typeof(TimeoutException))]
    public void A_timeout_says_timed_out(Type error) =>
        Assert.Equal(DeliveryErrors.TimedOut, DeliveryErrors.Describe((Exception)Activator.CreateInstance(error)!));

    [Fact]
    public void A_mail_server_refusing_says_so_without_its_answer() =>
        Assert.Equal(DeliveryErrors.MailRefused, DeliveryErrors.Describe(
            new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 <ops@internal.corp>: user unknown")));

    [Fact]
    public void A_mail_server_that_cannot_be_reached_is_a_failed_connection() =>
        Assert.Equal(DeliveryErrors.ConnectionFailed, DeliveryErrors.Describe(new SocketException((int)SocketError.HostUnreachable)));

    [Fact]
    public void Anything_else_is_a_failed_delivery() =>
        Assert.Equal(DeliveryErrors.Failed, DeliveryErrors.Describe(new InvalidOperationException("Npgsql: password authentication failed for user postgres")));

    [Fact]
    public void A_reason_written_for_the_tenant_is_kept() =>
        Assert.Equal("the receiver answered 410", DeliveryErrors.Describe(new DeliveryFailedException("the receiver answered 410")));
}
