using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;
using Microsoft.Extensions.Configuration;

namespace Web.UnitTests;

public sealed class GatewayTrustTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private static readonly SignedRequest Request = new("POST", "intake", "/api/v1/intake/escalations?mine=true", SignedRequest.HashOf("{}"u8));

    private static readonly PlatformIdentity Agent = new(
        "acme", new Actor(ActorKind.Person, "u-17", "Ada"), Roles: ["agent", "lead"]);

    private static readonly PlatformIdentity Partner = new(
        "acme", new Actor(ActorKind.Partner, "key:3f2a", "Ticketing bridge"), CustomerId: "cust-9");

    private readonly GatewayTrust _trust = new(Convert.FromBase64String(GatewayTrust.NewKey()));

    private static Func<string, string?> Lookup(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var copy = headers.ToDictionary(StringComparer.OrdinalIgnoreCase);
        return name => copy.GetValueOrDefault(name);
    }

    private PlatformIdentity? Verify(IEnumerable<KeyValuePair<string, string>> headers, SignedRequest? request = null, DateTimeOffset? at = null) =>
        _trust.Verify(Lookup(headers), request ?? Request, at ?? Now, out _);

    private string? ProblemWith(IEnumerable<KeyValuePair<string, string>> headers, SignedRequest? request = null, DateTimeOffset? at = null)
    {
        var identity = _trust.Verify(Lookup(headers), request ?? Request, at ?? Now, out var problem);
        Assert.Null(identity);
        return problem;
    }

    [Fact]
    public void A_stamped_request_verifies_for_the_same_request_and_yields_the_identity()
    {
        var identity = Verify(_trust.Stamp(Agent, Request, Now));

        Assert.NotNull(identity);
        Assert.Equal("acme", identity.TenantId);
        Assert.Equal(new Actor(ActorKind.Person, "u-17", "Ada"), identity.Actor);
        Assert.Equal(["agent", "lead"], identity.Roles);
        Assert.Null(identity.CustomerId);
        Assert.False(identity.IsOperator);
    }

    [Fact]
    public void A_partner_identity_keeps_its_kind_and_customer()
    {
        var identity = Verify(_trust.Stamp(Partner, Request, Now));

        Assert.NotNull(identity);
        Assert.Equal(Partner.Actor, identity.Actor);
        Assert.Equal("cust-9", identity.CustomerId);
        Assert.Null(identity.Roles);
    }

    [Fact]
    public void The_method_is_compared_without_regard_to_case()
    {
        var headers = _trust.Stamp(Agent, Request with { Method = "post" }, Now);

        Assert.NotNull(Verify(headers));
    }

    [Theory]
    [InlineData("José Müller-Øberg", "cust-çà")]
    [InlineData("Ada\r\nx-tenant-id: evil", "cust\n1")]
    [InlineData("tab\there, nul\0, bell\a, 100% ünïcödé 日本 🚀", "a,b;c=d")]
    [InlineData("%41 is not A", "%2C")]
    public void Names_and_customers_with_any_characters_round_trip_in_pure_ascii_headers(string name, string customer)
    {
        var identity = new PlatformIdentity("acme", new Actor(ActorKind.Partner, $"key:{name}", name), customer, ["ops,team", "équipe"]);

        var headers = _trust.Stamp(identity, Request, Now);
        var verified = Verify(headers);

        Assert.All(headers, header => Assert.True(
            header.Value.All(c => c is >= ' ' and <= '~'), $"{header.Key}: '{header.Value}' is not printable ASCII"));
        Assert.NotNull(verified);
        Assert.Equal(identity.Actor, verified.Actor);
        Assert.Equal(customer, verified.CustomerId);
        Assert.Equal(["ops,team", "équipe"], verified.Roles);
    }

    public static TheoryData<string> RequestChanges => ["method", "service", "path", "query", "no query", "body"];

    [Theory]
    [MemberData(nameof(RequestChanges))]
    public void A_signature_is_refused_for_another_request(string change)
    {
        var headers = _trust.Stamp(Agent, Request, Now);
        var other = change switch
        {
            "method" => Request with { Method = "PUT" },
            "service" => Request with { Service = "sla" },
            "path" => Request with { PathAndQuery = "/api/v1/intake/escalations/1?mine=true" },
            "query" => Request with { PathAndQuery = "/api/v1/intake/escalations?mine=false" },
            "no query" => Request with { PathAndQuery = "/api/v1/intake/escalations" },
            "body" => Request with { BodySha256 = SignedRequest.EmptyBodySha256 },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.Equal("the gateway signature does not match this request", ProblemWith(headers, other));
    }

    public static TheoryData<string, string?> IdentityChanges => new()
    {
        { Tenant.Header, "globex" },
        { GatewayTrust.ActorIdHeader, "u-18" },
        { GatewayTrust.ActorNameHeader, "Eve" },
        { GatewayTrust.ActorKindHeader, "partner" },
        { GatewayTrust.ActorRolesHeader, "agent,lead,admin" },
        { GatewayTrust.ActorRolesHeader, null },
        { GatewayTrust.CustomerHeader, "cust-1" },
    };

    [Theory]
    [MemberData(nameof(IdentityChanges))]
    public void A_signature_is_refused_when_an_identity_header_is_changed_added_or_removed(string header, string? value)
    {
        var headers = _trust.Stamp(Agent, Request, Now).ToDictionary();
        if (value is null)
        {
            headers.Remove(header);
        }
        else
        {
            headers[header] = value;
        }

        Assert.Equal("the gateway signature does not match this request", ProblemWith(headers));
    }

    [Fact]
    public void A_customer_is_covered_by_the_signature_too()
    {
        var headers = _trust.Stamp(Partner, Request, Now).ToDictionary();
        headers[GatewayTrust.CustomerHeader] = "cust-1";

        Assert.Equal("the gateway signature does not match this request", ProblemWith(headers));
    }

    [Fact]
    public void A_signature_made_with_another_key_is_refused()
    {
        var headers = new GatewayTrust(Convert.FromBase64String(GatewayTrust.NewKey())).Stamp(Agent, Request, Now);

        Assert.Equal("the gateway signature does not match this request", ProblemWith(headers));
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(30, true)]
    [InlineData(-31, false)]
    [InlineData(31, false)]
    [InlineData(-3600, false)]
    [InlineData(3600, false)]
    public void A_signature_is_good_within_its_maximum_age_either_way(int secondsFromSigning, bool accepted)
    {
        Assert.Equal(TimeSpan.FromSeconds(30), GatewayTrust.MaxAge);
        var headers = _trust.Stamp(Agent, Request, Now);

        var identity = _trust.Verify(Lookup(headers), Request, Now.AddSeconds(secondsFromSigning), out var problem);

        Assert.Equal(accepted, identity is not null);
        Assert.Equal(accepted ? null : "the gateway signature has expired", problem);
    }

    [Fact]
    public void The_same_signature_is_accepted_once()
    {
        var headers = _trust.Stamp(Agent, Request, Now);

        Assert.NotNull(Verify(headers));
        Assert.Equal("the gateway signature was used before", ProblemWith(headers, at: Now.AddSeconds(1)));
        Assert.Equal("the gateway signature was used before", ProblemWith(headers, at: Now.AddSeconds(29)));
    }

    [Fact]
    public void Two_stamps_of_the_same_request_are_two_signatures()
    {
        var first = _trust.Stamp(Agent, Request, Now);
        var second = _trust.Stamp(Agent, Request, Now);

        Assert.NotNull(Verify(first));
        Assert.NotNull(Verify(second));
    }

    [Fact]
    public void A_refused_copy_does_not_use_up_the_signature()
    {
        var headers = _trust.Stamp(Agent, Request, Now);

        Assert.NotNull(ProblemWith(headers, Request with { Service = "sla" }));
        Assert.NotNull(Verify(headers));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1,{unix},{mac}")]
    [InlineData("v1,{unix},{nonce},{mac}")]
    [InlineData("v2,{unix},{nonce}")]
    [InlineData("v2,{unix},{nonce},{mac},extra")]
    [InlineData("v2,-{unix},{nonce},{mac}")]
    [InlineData("v2, {unix},{nonce},{mac}")]
    [InlineData("v2,{unix},,{mac}")]
    [InlineData("v2,{unix},{nonce},")]
    [InlineData("v2,{unix},{nonce},AAAA")]
    [InlineData("v2,{unix},{nonce},{mac}=")]
    public void A_missing_old_style_or_malformed_signature_is_refused(string? template)
    {
        var headers = _trust.Stamp(Agent, Request, Now).ToDictionary();
        var parts = headers[GatewayTrust.SignatureHeader].Split(',');
        headers.Remove(GatewayTrust.SignatureHeader);
        if (template is not null)
        {
            headers[GatewayTrust.SignatureHeader] = template.Replace("{unix}", parts[1]).Replace("{nonce}", parts[2]).Replace("{mac}", parts[3]);
        }

        Assert.NotNull(ProblemWith(headers));
        Assert.NotNull(Verify(_trust.Stamp(Agent, Request, Now))); // the same trust still takes a proper one
    }

    [Theory]
    [InlineData(64, "the gateway signature does not match this request")]
    [InlineData(65, "no gateway signature")]
    public void A_nonce_longer_than_64_characters_is_not_taken_as_a_signature(int length, string problem)
    {
        var headers = _trust.Stamp(Agent, Request, Now).ToDictionary();
        var parts = headers[GatewayTrust.SignatureHeader].Split(',');
        headers[GatewayTrust.SignatureHeader] = $"v2,{parts[1]},{new string('a', length)},{parts[3]}";

        Assert.Equal(problem, ProblemWith(headers));
    }

    [Fact]
    public void The_operator_has_no_tenant_header_and_verifies()
    {
        var headers = _trust.Stamp(PlatformIdentity.Operator("operator:ops", "Ops"), Request, Now);

        var identity = Verify(headers);

        Assert.DoesNotContain(headers, header => header.Key == Tenant.Header);
        Assert.NotNull(identity);
        Assert.True(identity.IsOperator);
        Assert.Equal("", identity.TenantId);
        Assert.Equal(new Actor(ActorKind.Operator, "operator:ops", "Ops"), identity.Actor);
    }

    [Fact]
    public void An_operator_claiming_a_tenant_is_refused()
    {
        var headers = _trust.Stamp(PlatformIdentity.Operator("operator:ops", "Ops"), Request, Now).ToDictionary();
        headers[Tenant.Header] = "acme";

        Assert.Equal("an operator acts for no tenant", ProblemWith(headers));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ACME")]
    [InlineData("-acme")]
    [InlineData("acme corp")]
    [InlineData("acmé")]
    public void A_tenant_identity_without_a_valid_tenant_is_refused_even_when_signed(string tenant)
    {
        var headers = _trust.Stamp(Agent with { TenantId = tenant }, Request, Now);

        Assert.Equal("no valid tenant", ProblemWith(headers));
    }

    [Fact]
    public void A_tenant_identity_without_any_tenant_header_is_refused()
    {
        var headers = _trust.Stamp(Agent, Request, Now).Where(header => header.Key != Tenant.Header);

        Assert.Equal("no valid tenant", ProblemWith(headers));
    }

    [Fact]
    public void Without_a_key_the_headers_are_taken_as_sent()
    {
        var trust = new GatewayTrust(new ConfigurationBuilder().Build());
        Dictionary<string, string> headers = new()
        {
            [Tenant.Header] = "acme",
            [GatewayTrust.ActorKindHeader] = "partner",
            [GatewayTrust.ActorIdHeader] = "key%3A1",
            [GatewayTrust.ActorNameHeader] = "Jos%C3%A9",
            [GatewayTrust.ActorRolesHeader] = "manager",
            [GatewayTrust.CustomerHeader] = "cust-2",
        };

        var identity = trust.Verify(Lookup(headers), Request, Now, out var problem);

        Assert.False(trust.Enabled);
        Assert.Null(problem);
        Assert.Equal(new PlatformIdentity("acme", new Actor(ActorKind.Partner, "key:1", "José"), "cust-2", null), identity! with { Roles = null });
        Assert.Equal(["manager"], identity.Roles);
        Assert.DoesNotContain(trust.Stamp(Agent, Request, Now), header => header.Key == GatewayTrust.SignatureHeader);
    }

    [Fact]
    public void Without_a_key_a_tenant_is_still_required()
    {
        var trust = new GatewayTrust((byte[]?)null);

        Assert.Null(trust.Verify(_ => null, Request, Now, out var problem));
        Assert.Equal("no valid tenant", problem);
    }

    [Fact]
    public void Without_an_actor_the_request_acts_as_the_anonymous_person()
    {
        var trust = new GatewayTrust((byte[]?)null);

        var identity = trust.Verify(name => name == Tenant.Header ? "acme" : null, Request, Now, out _);

        Assert.Equal(EscalationPlatform.Web.Actors.RequestActor.Anonymous, identity?.Actor);
    }

    [Fact]
    public void The_key_is_read_from_configuration()
    {
        var key = GatewayTrust.NewKey();
        var configured = new GatewayTrust(new ConfigurationBuilder()
            .AddInMemoryCollection([new(GatewayTrust.KeySetting, key)]).Build());
        var headers = new GatewayTrust(Convert.FromBase64String(key)).Stamp(Agent, Request, Now);

        Assert.True(configured.Enabled);
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.NotNull(configured.Verify(Lookup(headers), Request, Now, out _));
    }

    [Fact]
    public void The_empty_body_hash_is_the_sha256_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SignedRequest.EmptyBodySha256);

    [Fact]
    public void Every_header_the_gateway_sets_is_one_it_owns()
    {
        var stamped = _trust.Stamp(Agent with { CustomerId = "c" }, Request, Now).Select(header => header.Key);

        Assert.Equal(GatewayTrust.Headers.Order(), stamped.Order());
    }
}
