using System.Reflection;
using System.Security.Claims;
using EscalationPlatform.Gateway.Authorization;
using EscalationPlatform.Gateway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using static EscalationPlatform.Gateway.Authorization.PlatformPolicies;

namespace Gateway.UnitTests;

public sealed class PlatformPoliciesTests
{
    private static readonly AuthorizationOptions Options = Configured();

    private static AuthorizationOptions Configured()
    {
        var options = new AuthorizationOptions();
        PlatformPolicies.Add(options);
        return options;
    }

    private static ClaimsPrincipal Person(params string[] roles) => Principal(
        [("tenant", "acme"), ("sub", "u-1"), ("actor_kind", "person"), .. roles.Select(role => ("role", role))]);

    private static ClaimsPrincipal Key(string? customer, params string[] scopes) => Principal(
        [("tenant", "acme"), ("sub", "key:k1"), ("actor_kind", "partner"), .. scopes.Select(scope => ("scope", scope)),
            .. customer is null ? Array.Empty<(string, string)>() : [("customer", customer)]]);

    private static ClaimsPrincipal Principal(IEnumerable<(string Type, string Value)> claims, string? scheme = "test") =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), scheme, "name", "role"));

    /// <summary>The way ASP.NET Core runs a policy: every requirement that is its own handler judges the context.</summary>
    private static async Task<bool> Allows(ClaimsPrincipal user, IEnumerable<IAuthorizationRequirement> requirements)
    {
        var context = new AuthorizationHandlerContext(requirements, user, resource: null);
        await new PassThroughAuthorizationHandler().HandleAsync(context);
        return context.HasSucceeded;
    }

    private static Task<bool> Allows(ClaimsPrincipal user, string policy) => Allows(user, Options.GetPolicy(policy)!.Requirements);

    private static readonly string[] Policies =
        [Read, ReadTenant, Work, WorkTenant, ConfigureRouting, Knowledge, Configure, Webhooks, Info, Operations, Admin, Alertmanager, PagerDuty];

    /// <summary>Who is allowed what (every other policy refuses them).</summary>
    public static TheoryData<string, string[]> Expectations => new()
    {
        { "agent", [Read, ReadTenant, Work, WorkTenant, Info] },
        { "lead", [Read, ReadTenant, Work, WorkTenant, ConfigureRouting, Knowledge, Info] },
        { "manager", [Read, ReadTenant, Work, WorkTenant, ConfigureRouting, Knowledge, Configure, Webhooks, Info] },
        { "admin", [Read, ReadTenant, Work, WorkTenant, ConfigureRouting, Knowledge, Configure, Webhooks, Info, Admin] },
        { "admin holding the operations scope", [Read, ReadTenant, Work, WorkTenant, ConfigureRouting, Knowledge, Configure, Webhooks, Info, Admin] },
        { "unknown role", [] },
        { "admin, not authenticated", [] },
        { "operator", [Info, Operations] },
        { "operator with a tenant's role and scopes", [Info, Operations] },
        { "read key", [Read, ReadTenant, Info] },
        { "write key", [Read, ReadTenant, Work, WorkTenant, Info] },
        { "write key bound to a customer", [Read, Work, Info] },
        { "config key", [ConfigureRouting, Knowledge, Configure] },
        { "config and webhooks key bound to a customer", [] },
        { "webhooks key", [Webhooks] },
        { "operations scope on a tenant's key", [] },
        { "alertmanager key", [Alertmanager] },
        { "pagerduty key bound to a customer", [PagerDuty] },
    };

    private static ClaimsPrincipal Who(string who) => who switch
    {
        "agent" or "lead" or "manager" or "admin" => Person(who),
        "admin holding the operations scope" => Principal([("tenant", "acme"), ("sub", "u-1"), ("role", "admin"), ("scope", Scopes.Operations)]),
        "unknown role" => Person("superuser", "Admin"),
        "admin, not authenticated" => Principal([("tenant", "acme"), ("sub", "u-1"), ("role", "admin")], scheme: null),
        "operator" => OperatorCredentials.Principal("ops", "ApiKey"),
        "operator with a tenant's role and scopes" => new ClaimsPrincipal(new ClaimsIdentity(
            OperatorCredentials.Principal("ops", "ApiKey").Claims.Concat(
                [new Claim("role", "admin"), new Claim("scope", Scopes.EscalationsWrite), new Claim("tenant", "acme")]),
            "ApiKey", "name", "role")),
        "read key" => Key(null, Scopes.EscalationsRead),
        "write key" => Key(null, Scopes.EscalationsRead, Scopes.EscalationsWrite),
        "write key bound to a customer" => Key("cust-1", Scopes.EscalationsRead, Scopes.EscalationsWrite),
        "config key" => Key(null, Scopes.ConfigWrite),
        "config and webhooks key bound to a customer" => Key("cust-1", Scopes.ConfigWrite, Scopes.WebhooksManage),
        "webhooks key" => Key(null, Scopes.WebhooksManage),
        "operations scope on a tenant's key" => Key(null, Scopes.Operations),
        "alertmanager key" => Key(null, Scopes.Alertmanager),
        "pagerduty key bound to a customer" => Key("cust-1", Scopes.PagerDuty),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public async Task Each_credential_reaches_exactly_its_policies(string who, string[] allowed)
    {
        var user = Who(who);
        var reached = new List<string>();
        foreach (var policy in Policies)
        {
            if (await Allows(user, policy))
            {
                reached.Add(policy);
            }
        }

        Assert.Equal(allowed, reached);
    }

    [Fact]
    public void Every_policy_is_judged_above_and_is_registered()
    {
        var named = typeof(PlatformPolicies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(Anonymous)).Select(field => (string)field.GetRawConstantValue()!);

        Assert.Equal(named.Order(), Policies.Order());
        Assert.All(Policies, policy => Assert.NotNull(Options.GetPolicy(policy)));
        Assert.Same(Options.GetPolicy(Read), Options.DefaultPolicy);
    }

    [Fact]
    public async Task Each_requirement_judges_by_its_own_rule_when_policies_are_combined()
    {
        var combined = AuthorizationPolicy.Combine(Options.GetPolicy(Read)!, Options.GetPolicy(Admin)!);

        Assert.True(await Allows(Person("admin"), combined.Requirements));
        Assert.False(await Allows(Person("agent"), combined.Requirements));
        Assert.False(await Allows(OperatorCredentials.Principal("ops", "ApiKey"), Options.GetPolicy(Info)!.Requirements.Concat(Options.GetPolicy(Read)!.Requirements)));
    }

    [Theory]
    [InlineData(Operations, "the platform operator's credential")]
    [InlineData(Admin, "the role admin, not bound to a customer")]
    [InlineData(PagerDuty, "a credential with the scope integrations:pagerduty")]
    [InlineData(Work, "the role agent or lead or manager or admin, or a credential with the scope escalations:write")]
    public void A_policy_describes_what_it_needs(string policy, string description) =>
        Assert.Equal(description, Options.GetPolicy(policy)!.Requirements.OfType<PlatformRequirement>().Single().Describe());
}
