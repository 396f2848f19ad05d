using System.Text;
using EscalationPlatform.Gateway.Identity;
using Microsoft.AspNetCore.Http;

namespace Gateway.UnitTests;

public sealed class BearerSchemeSelectorTests
{
    private static readonly BearerSchemeSelector Selector = new(new Dictionary<string, string>
    {
        ["https://login.example.com"] = "Issuer:corp",
        ["escalation-platform-dev"] = "Bearer",
    });

    private static string Segment(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Jwt(string payload) => $"{Segment("""{"alg":"RS256","typ":"JWT"}""")}.{Segment(payload)}.c2ln";

    [Fact]
    public void A_token_goes_to_the_scheme_of_the_issuer_it_names()
    {
        Assert.Equal("Issuer:corp", Selector.SchemeFor(Jwt("""{"iss":"https://login.example.com","sub":"u"}""")));
        Assert.Equal("Bearer", Selector.SchemeFor(Jwt("""{"iss":"escalation-platform-dev"}""")));
    }

    [Theory]
    [InlineData("""{"iss":"https://login.example.com/"}""")]
    [InlineData("""{"iss":"https://evil.example.com"}""")]
    [InlineData("""{"sub":"no issuer"}""")]
    [InlineData("""{"iss":42}""")]
    [InlineData("""{"iss":["https://login.example.com"]}""")]
    [InlineData("""not json""")]
    public void A_token_naming_no_trusted_issuer_goes_to_the_untrusted_scheme(string payload)
    {
        Assert.Equal(UntrustedTokenHandler.SchemeName, Selector.SchemeFor(Jwt(payload)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("...")]
    [InlineData("eyJ.eyJ.")]
    [InlineData("ep_an-api-key-shaped-thing")]
    [InlineData("a.b.c.d.e")]
    public void Garbage_goes_to_the_untrusted_scheme_without_throwing(string? token)
    {
        Assert.Equal(UntrustedTokenHandler.SchemeName, Selector.SchemeFor(token));
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc", "abc")]
    [InlineData("Basic YTpi", null)]
    [InlineData("Bearer", null)]
    [InlineData("", null)]
    public void The_token_is_read_from_a_bearer_authorization_header_only(string header, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = header;

        Assert.Equal(expected, BearerSchemeSelector.TokenOf(context.Request));
    }
}
