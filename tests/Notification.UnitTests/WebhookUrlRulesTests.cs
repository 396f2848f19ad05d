using Notification.Api.Webhooks;

namespace Notification.UnitTests;

public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:15081/api/messages")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2130706433/")] // decimal 127.0.0.1
    [InlineData("http://0x7f000001/")] // hexadecimal
    [InlineData("http://0177.0.0.1/")] // octal
    [InlineData("http://0x7f.1/")]
    [InlineData("http://127.1/")] // short
    [InlineData("http://127.0.0.1./")] // trailing dot
    [InlineData("http://0/")]
    [InlineData("http://１２７.０.０.１/")] // full-width digits, which IDN mapping turns into 127.0.0.1
    [InlineData("http://[::1]/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::ffff:7f00:1]/")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/")]
    [InlineData("http://[2002:7f00:1::1]/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("https://10.0.0.5/hooks")]
    [InlineData("http://192.168.1.1:8080/")]
    [InlineData("http://localhost:5080/")]
    [InlineData("http://LOCALHOST./")]
    [InlineData("http://api.localhost/")]
    [InlineData("http://intake-api/api/v1/escalations")] // service-discovery names
    [InlineData("http://intake-api./")]
    [InlineData("http://_grpc.sla-api/")]
    [InlineData("http://_http.intake-api/")]
    public void Refuses_internal_hosts_in_every_spelling(string url) =>
        Assert.Equal(WebhookUrlRules.InternalAddress, WebhookUrlRules.Refusal(url, OutboundAddressPolicy.PublicOnly));

    [Theory]
    [InlineData("http://user:pass@partner.example/hooks")]
    [InlineData("http://127.0.0.1:80@partner.example/")]
    [InlineData("https://token@partner.example/")]
    public void Refuses_a_user_name_or_password_in_the_url(string url) =>
        Assert.Contains("user name or password", WebhookUrlRules.Refusal(url, OutboundAddressPolicy.PublicOnly), StringComparison.Ordinal);

    [Theory]
    [InlineData("ftp://partner.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/hooks")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_an_absolute_http_url(string? url) =>
        Assert.StartsWith("an absolute http or https URL", WebhookUrlRules.Refusal(url, OutboundAddressPolicy.PublicOnly), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://partner.example/hooks/escalations")]
    [InlineData("http://hooks.partner.example:8443/x?y=1")]
    [InlineData("https://93.184.216.34/hooks")]
    [InlineData("https://[2606:4700:4700::1111]/hooks")]
    public void Accepts_public_receivers(string url) =>
        Assert.Null(WebhookUrlRules.Refusal(url, OutboundAddressPolicy.PublicOnly));

    [Fact]
    public void An_allow_listed_address_may_be_registered_and_its_neighbours_may_not()
    {
        var policy = OutboundAddressPolicy.WithAllowedNetworks("127.0.0.2/32");

        Assert.Null(WebhookUrlRules.Refusal("http://127.0.0.2:4711/hooks/a", policy));
        Assert.Equal(WebhookUrlRules.InternalAddress, WebhookUrlRules.Refusal("http://127.0.0.1:4711/hooks/a", policy));
        Assert.Equal(WebhookUrlRules.InternalAddress, WebhookUrlRules.Refusal("http://localhost:4711/hooks/a", policy));
    }
}
