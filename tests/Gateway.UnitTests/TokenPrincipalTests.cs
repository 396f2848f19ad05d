using System.Security.Claims;
using EscalationPlatform.Gateway.Identity;

namespace Gateway.UnitTests;

public sealed class TokenPrincipalTests
{
    private static readonly TokenClaimRules Corp = new("acme", "roles",
        new Dictionary<string, string> { ["support-agent"] = "agent", ["support-admin"] = "admin" }, "name");

    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "jwt"));

    private static ClaimsPrincipal Accepted(ClaimsPrincipal token, TokenClaimRules rules)
    {
        var (user, refusal) = TokenPrincipal.From(token, rules, "test");
        Assert.True(user is not null, refusal);
        return user;
    }

    [Fact]
    public void Only_the_allow_listed_claims_survive_whatever_else_the_token_says()
    {
        var user = Accepted(Token(("sub", "u-1"), ("name", "Ada"), ("roles", "support-agent"), ("scope", "operations config:write"),
            ("customer", "acme-customer"), ("rate_limit", "999999"), ("actor_kind", "partner"), ("rate_key", "credential:x"),
            ("tenant", "someone-else"), ("role", "admin"), ("email", "ada@example.com")), Corp);

        Assert.Equal(
            ["tenant=acme", "sub=u-1", "name=Ada", "role=agent", "actor_kind=person", "rate_key=user:acme:u-1"],
            user.Claims.Select(claim => $"{claim.Type}={claim.Value}"));
    }

    [Fact]
    public void An_external_issuers_tenant_is_the_configured_one_not_the_tokens()
    {
        var user = Accepted(Token(("sub", "u-1"), ("roles", "support-admin"), ("tenant", "someone-else")), Corp);

        Assert.Equal("acme", user.FindFirst("tenant")?.Value);
    }

    [Fact]
    public void The_dev_issuers_tenant_comes_from_its_token()
    {
        var user = Accepted(Token(("sub", "dev"), ("tenant", "demo"), ("role", "lead"), ("scope", "operations")), TokenClaimRules.DevIssuer);

        Assert.Equal("demo", user.FindFirst("tenant")?.Value);
        Assert.Equal(["lead"], user.FindAll("role").Select(claim => claim.Value));
        Assert.Null(user.FindFirst("scope"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Not_A_Tenant")]
    public void A_dev_token_without_a_valid_tenant_is_refused(string? tenant)
    {
        var claims = new List<(string, string)> { ("sub", "dev"), ("role", "agent") };
        if (tenant is not null)
        {
            claims.Add(("tenant", tenant));
        }

        var (user, refusal) = TokenPrincipal.From(Token([.. claims]), TokenClaimRules.DevIssuer, "test");

        Assert.Null(user);
        Assert.Contains("tenant", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmapped_roles_are_dropped_and_a_token_with_no_platform_role_is_refused()
    {
        var (user, refusal) = TokenPrincipal.From(Token(("sub", "u-1"), ("roles", "admin"), ("roles", "visitor")), Corp, "test");

        Assert.Null(user); // "admin" is a platform role name, but this issuer's map does not name it
        Assert.Contains("no platform role", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_role_map_platform_role_names_are_taken_as_they_are_and_others_dropped()
    {
        var plain = Corp with { RoleMap = new Dictionary<string, string>() };

        var user = Accepted(Token(("sub", "u-1"), ("roles", "manager"), ("roles", "Admin"), ("roles", "superuser"), ("roles", "manager")), plain);

        Assert.Equal(["manager"], user.FindAll("role").Select(claim => claim.Value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("line\r\nx-tenant-id: other")]
    [InlineData("ünïcode")]
    public void A_subject_that_cannot_travel_in_a_header_is_refused(string? subject)
    {
        var claims = new List<(string, string)> { ("roles", "support-agent") };
        if (subject is not null)
        {
            claims.Add(("sub", subject));
        }

        var (user, refusal) = TokenPrincipal.From(Token([.. claims]), Corp, "test");

        Assert.Null(user);
        Assert.Contains("sub", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_falls_back_to_the_subject_and_is_cut_to_its_limit()
    {
        Assert.Equal("u-1", Accepted(Token(("sub", "u-1"), ("roles", "support-agent")), Corp).FindFirst("name")?.Value);
        var longName = new string('n', 500);
        Assert.Equal(TokenPrincipal.MaxNameLength,
            Accepted(Token(("sub", "u-1"), ("name", longName), ("roles", "support-agent")), Corp).FindFirst("name")?.Value.Length);
    }

    [Fact]
    public void The_name_comes_from_the_configured_claim()
    {
        var user = Accepted(Token(("sub", "u-1"), ("name", "ignored"), ("preferred_username", "ada"), ("roles", "support-agent")),
            Corp with { NameClaim = "preferred_username" });

        Assert.Equal("ada", user.Identity?.Name);
        Assert.True(user.IsInRole("agent"));
    }
}
