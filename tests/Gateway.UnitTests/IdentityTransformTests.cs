using System.Security.Claims;
using EscalationPlatform.Contracts;
using EscalationPlatform.Gateway.Identity;
using EscalationPlatform.Gateway.Proxy;
using EscalationPlatform.Web.Tenancy;

namespace Gateway.UnitTests;

public sealed class IdentityTransformTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "test", "name", "role"));

    [Fact]
    public void The_operators_principal_becomes_the_operator_with_no_tenant()
    {
        var identity = IdentityTransform.IdentityOf(OperatorCredentials.Principal("ada", "ApiKey"));

        Assert.Equal(PlatformIdentity.Operator("operator:ada", "ada"), identity);
        Assert.True(identity!.IsOperator);
        Assert.Equal("", identity.TenantId);
        Assert.Null(identity.CustomerId);
        Assert.Null(identity.Roles);
    }

    [Fact]
    public void An_operator_acts_for_no_tenant_whatever_else_it_carries()
    {
        var identity = IdentityTransform.IdentityOf(User(
            ("sub", "operator:ada"), ("actor_kind", "operator"), ("tenant", "acme"), ("customer", "cust-1"), ("role", "admin")));

        Assert.Equal(PlatformIdentity.Operator("operator:ada", "operator:ada"), identity);
    }

    [Fact]
    public void A_partner_credential_becomes_a_partner_with_its_customer()
    {
        var identity = IdentityTransform.IdentityOf(User(
            ("tenant", "acme"), ("sub", "key:k1"), ("name", "Ticketing bridge"), ("actor_kind", "partner"), ("scope", "escalations:write"),
            ("customer", "cust-1")));

        Assert.Equal(new PlatformIdentity("acme", new Actor(ActorKind.Partner, "key:k1", "Ticketing bridge"), "cust-1"), identity);
    }

    [Fact]
    public void A_person_keeps_the_platform_roles_only_once_each_and_unknown_roles_are_dropped()
    {
        var identity = IdentityTransform.IdentityOf(User(
            ("tenant", "acme"), ("sub", "u-1"), ("name", "José"), ("actor_kind", "person"),
            ("role", "lead"), ("role", "superuser"), ("role", "Admin"), ("role", "lead"), ("role", "agent")));

        Assert.NotNull(identity);
        Assert.Equal(new Actor(ActorKind.Person, "u-1", "José"), identity.Actor);
        Assert.Equal(["lead", "agent"], identity.Roles);
        Assert.Null(identity.CustomerId);
    }

    [Fact]
    public void A_person_with_no_platform_role_has_no_roles()
    {
        var identity = IdentityTransform.IdentityOf(User(("tenant", "acme"), ("sub", "u-1"), ("role", "owner")));

        Assert.NotNull(identity);
        Assert.Null(identity.Roles);
        Assert.Equal(new Actor(ActorKind.Person, "u-1", "u-1"), identity.Actor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("acme\r\nx-actor-kind: operator")]
    public void Without_a_valid_tenant_a_tenants_credential_carries_no_identity(string? tenant)
    {
        (string, string)[] claims = tenant is null ? [("sub", "u-1"), ("role", "admin")] : [("tenant", tenant), ("sub", "u-1"), ("role", "admin")];

        Assert.Null(IdentityTransform.IdentityOf(User(claims)));
    }

    [Fact]
    public void The_identity_reaches_a_service_intact_through_the_signature()
    {
        var trust = new GatewayTrust(Convert.FromBase64String(GatewayTrust.NewKey()));
        var now = DateTimeOffset.UnixEpoch.AddYears(57);
        var request = new SignedRequest("GET", "intake", "/api/v1/intake/escalations", SignedRequest.EmptyBodySha256);
        var identity = IdentityTransform.IdentityOf(User(
            ("tenant", "acme"), ("sub", "key:k1"), ("name", "Jöse\r\n"), ("actor_kind", "partner"), ("customer", "cust ü,1"), ("role", "agent")))!;
        var headers = trust.Stamp(identity, request, now).ToDictionary();

        var verified = trust.Verify(headers.GetValueOrDefault, request, now, out var problem);

        Assert.Null(problem);
        Assert.Equal(identity.Actor, verified!.Actor);
        Assert.Equal(identity.CustomerId, verified.CustomerId);
        Assert.Equal(identity.Roles, verified.Roles);
    }

    [Fact]
    public void Every_credential_header_is_dropped_before_forwarding() =>
        Assert.Equal(["Authorization", ApiKeyAuthenticationHandler.Header, "Cookie", "Proxy-Authorization"], IdentityTransform.CredentialHeaders);
}
