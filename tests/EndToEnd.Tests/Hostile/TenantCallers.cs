using EscalationPlatform.Gateway.Authorization;

namespace EndToEnd.Tests.Hostile;

/// <summary>Every kind of credential of one tenant: a person of each role, an API key of each scope (and one bound
/// to a customer), an Alertmanager integration key; each token with a subject of its own, so that no credential runs
/// into its rate limit.</summary>
public sealed record TenantCallers(
    Caller Admin, Caller Agent, Caller Lead, Caller Manager, Caller ReadKey, Caller WriteKey, Caller CustomerKey, Caller ConfigKey,
    Caller WebhooksKey, Caller AlertmanagerKey)
{
    public IEnumerable<Caller> All() => [Admin, Agent, Lead, Manager, ReadKey, WriteKey, CustomerKey, ConfigKey, WebhooksKey, AlertmanagerKey];

    public static async Task<TenantCallers> CreateAsync(PlatformFixture platform, SeededTenant seeded)
    {
        var tenant = seeded.Tenant;
        async Task<Caller> PersonAsync(string role) => Caller.Token($"{role} token", await platform.TokenAsync(tenant, $"{tenant}-{role}", role), role);
        async Task<Caller> KeyAsync(string name, string scope, string? customerId, params string[] policies) => Caller.Key(name,
            (await Credentials.CreateAsync(platform, tenant, new { name, scopes = new[] { scope }, customerId, rateLimitPerMinute = 100_000 })).Key, policies);

        string[] readPolicies = [PlatformPolicies.Read, PlatformPolicies.ReadTenant, PlatformPolicies.Info];
        return new(
            await PersonAsync("admin"),
            await PersonAsync("agent"),
            await PersonAsync("lead"),
            await PersonAsync("manager"),
            Caller.Key("read key", seeded.ReadKey.Key, readPolicies),
            Caller.Key("write key", seeded.WriteKey.Key, [.. readPolicies, PlatformPolicies.Work, PlatformPolicies.WorkTenant]),
            Caller.Key("customer-bound key", seeded.CustomerKey.Key, PlatformPolicies.Read, PlatformPolicies.Work, PlatformPolicies.Info),
            await KeyAsync("config key", "config:write", null, PlatformPolicies.Configure, PlatformPolicies.ConfigureRouting, PlatformPolicies.Knowledge),
            await KeyAsync("webhooks key", "webhooks:manage", null, PlatformPolicies.Webhooks),
            await KeyAsync("alertmanager key", "integrations:alertmanager", SeededTenant.Customer, PlatformPolicies.Alertmanager));
    }
}
