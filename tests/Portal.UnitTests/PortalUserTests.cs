using System.Security.Claims;
using EscalationPlatform.Portal.Identity;

namespace Portal.UnitTests;

public sealed class PortalUserTests
{
    private static readonly PortalUser Lead = new("acme", "u-17", "Lee Lead", ["agent", "lead"], "token-abc",
        new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_person_survives_the_round_trip_through_their_principal()
    {
        var back = PortalUser.From(Lead.ToPrincipal());

        Assert.NotNull(back);
        Assert.Equal((Lead.Tenant, Lead.Id, Lead.Name, Lead.AccessToken, Lead.ExpiresAt), (back.Tenant, back.Id, back.Name, back.AccessToken, back.ExpiresAt));
        Assert.Equal(Lead.Roles, back.Roles);
    }

    [Fact]
    public void The_principal_answers_role_checks_and_is_named_after_the_person()
    {
        var principal = Lead.ToPrincipal();

        Assert.True(principal.IsInRole("lead"));
        Assert.False(principal.IsInRole("manager"));
        Assert.Equal("Lee Lead", principal.Identity?.Name);
        Assert.True(principal.Identity?.IsAuthenticated);
    }

    [Theory]
    [InlineData(PortalUser.AccessTokenClaim)]
    [InlineData(PortalUser.TenantClaim)]
    [InlineData(PortalUser.SubjectClaim)]
    public void A_principal_without_token_tenant_or_subject_is_nobody(string missing)
    {
        var claims = Lead.ToPrincipal().Claims.Where(claim => claim.Type != missing);

        Assert.Null(PortalUser.From(new ClaimsPrincipal(new ClaimsIdentity(claims, PortalUser.AuthenticationType))));
    }

    [Fact]
    public void An_anonymous_principal_is_nobody_even_with_the_claims()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity(Lead.ToPrincipal().Claims, authenticationType: null));

        Assert.Null(PortalUser.From(anonymous));
    }

    [Theory]
    [InlineData("manager", true)]
    [InlineData("admin", true)]
    [InlineData("lead", false)]
    public void Managers_and_admins_are_administrators(string role, bool expected) =>
        Assert.Equal(expected, (Lead with { Roles = [role] }).IsAdministrator);
}
