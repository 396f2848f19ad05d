using EscalationPlatform.Portal.Identity;

namespace Portal.UnitTests;

public sealed class SafeReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/cases/3f2b")]
    [InlineData("/queues?view=mine&cursor=abc")]
    public void A_path_on_this_site_is_followed_after_sign_in(string returnUrl) =>
        Assert.Equal(returnUrl, PortalSignIn.SafeReturnUrl(returnUrl));

    [Theory]
    [InlineData("//evil.example/cases")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http://localhost/cases")]
    [InlineData("javascript:alert(1)")]
    [InlineData("cases/1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_local_path_sends_the_person_home(string? returnUrl) =>
        Assert.Equal("/", PortalSignIn.SafeReturnUrl(returnUrl));
}
