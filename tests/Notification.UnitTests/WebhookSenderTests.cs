using System.Net;
using System.Net.Sockets;
using Notification.Api.Deliveries;
using Notification.Api.Webhooks;

namespace Notification.UnitTests;

/// <summary>The connect-time guard: whatever was registered, the sender connects only to addresses the policy allows,
/// and what it reports is a category, not what answered.</summary>
public sealed class WebhookSenderTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")] // a name (from /etc/hosts here) that resolves to loopback: only connect time can catch it
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task A_receiver_on_an_internal_address_is_not_connected_to(string host)
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var sender = new WebhookSender(OutboundAddressPolicy.PublicOnly, TimeProvider.System);

        var failure = await Record(sender, $"http://{host}:{receiver.Port}/ok");

        Assert.Equal(DeliveryErrors.AddressNotAllowed, DeliveryErrors.Describe(failure!));
        Assert.Empty(receiver.Calls);
    }

    [Fact]
    public async Task An_allow_listed_receiver_gets_the_signed_webhook()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var sender = new WebhookSender(OutboundAddressPolicy.WithAllowedNetworks("127.0.0.1/32"), TimeProvider.System);

        Assert.Null(await Record(sender, $"http://127.0.0.1:{receiver.Port}/ok"));
        Assert.Equal(["/ok"], receiver.Calls);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_is_a_failure()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var sender = new WebhookSender(OutboundAddressPolicy.WithAllowedNetworks("127.0.0.1/32"), TimeProvider.System);

        var failure = await Record(sender, $"http://127.0.0.1:{receiver.Port}/redirect");

        Assert.Equal("redirects are not followed (the receiver answered 302)", DeliveryErrors.Describe(failure!));
        Assert.Equal(["/redirect"], receiver.Calls);
    }

    [Fact]
    public async Task A_failing_receiver_is_reported_by_its_status_code()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var sender = new WebhookSender(OutboundAddressPolicy.WithAllowedNetworks("127.0.0.1/32"), TimeProvider.System);

        var failure = await Record(sender, $"http://127.0.0.1:{receiver.Port}/status/503");

        Assert.Equal("the receiver answered 503", DeliveryErrors.Describe(failure!));
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_reported_as_a_failed_connection_without_the_detail()
    {
        using var sender = new WebhookSender(OutboundAddressPolicy.WithAllowedNetworks("127.0.0.1/32"), TimeProvider.System);

        var failure = await Record(sender, $"http://127.0.0.1:{ClosedPort()}/ok");

        Assert.Equal(DeliveryErrors.ConnectionFailed, DeliveryErrors.Describe(failure!));
    }

    private static async Task<Exception?> Record(WebhookSender sender, string url)
    {
        try
        {
            await sender.SendAsync(Guid.CreateVersion7(), url, Secret, """{"type":"escalation.submitted"}""", TestContext.Current.CancellationToken);
            return null;
        }
        catch (Exception failure)
        {
            return failure;
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
