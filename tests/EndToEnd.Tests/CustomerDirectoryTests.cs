using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>A tenant's customers described through the gateway: created and changed with the version read, every
/// change kept with who made it, bad input named field by field, and a case for a customer of the directory takes its
/// tier and contact from there, not from the submission.</summary>
public sealed class CustomerDirectoryTests(PlatformFixture platform)
{
    private const string Path = "/api/v1/escalations/customers/northwind";

    private static object Northwind(string tier = "premium", string status = "active") => new
    {
        name = "Northwind Traders", tier, contractualSla = true, timeZone = "Europe/Vienna", status,
        contacts = new[] { new { name = "Kim Ito", email = "kim@northwind.example", role = "IT lead" } },
        accountTeam = new[] { new { name = "Ava Account", email = "ava@directory.example", role = "account manager" } },
    };

    [Fact]
    public async Task A_customer_created_through_the_api_decides_its_cases_tier_and_changes_need_the_version_read()
    {
        using var api = platform.Escalations(Tenants.Directory);
        using var created = await api.SendAsync(HttpMethod.Put, Path, Northwind());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.Tag;

        var id = await api.SubmitAsync(new
        {
            title = "Northwind cannot export", issueType = "other",
            customer = new { id = "northwind", tier = "strategic" }, // the directory's tier is used
            impact = new { scope = "single-user", affectedCount = 1 }, urgency = new { workaroundAvailable = true },
        });
        var record = await api.GetAsync(id);
        Assert.Equal(("premium", "kim@northwind.example"),
            (record.GetProperty("facts").GetProperty("customer").Text("tier"), record.GetProperty("facts").GetProperty("customer").Text("contactEmail")));

        using (var withoutVersion = await api.SendAsync(HttpMethod.Put, Path, Northwind("strategic")))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        }

        using (var churned = await api.SendAsync(HttpMethod.Put, Path, Northwind("strategic", "churned"), ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, churned.StatusCode);
        }

        using (var stale = await api.SendAsync(HttpMethod.Put, Path, Northwind(), ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var customer = await api.JsonAsync(HttpMethod.Get, Path);
        Assert.Equal(("strategic", "churned", "Ava Account"), (customer.Text("tier"), customer.Text("status"), customer.GetProperty("accountTeam")[0].Text("name")));
        var changes = await api.JsonAsync(HttpMethod.Get, $"{Path}/changes");
        Assert.Equal(["replaced", "created"], changes.EnumerateArray().Select(change => change.Text("change")));
        Assert.All(changes.EnumerateArray(), change => Assert.Equal("e2e-admin", change.Text("actorId")));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_saves_nothing_and_agents_may_not_change_customers()
    {
        using var api = platform.Escalations(Tenants.Directory);
        using var bad = await api.SendAsync(HttpMethod.Put, "/api/v1/escalations/customers/broken", new
        {
            name = "", tier = "gold", timeZone = "Mars/Olympus", contacts = new[] { new { name = "Kim", email = "nope" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
        Assert.Equal(["contacts[0].email", "name", "tier", "timeZone"], errors.EnumerateObject().Select(field => field.Name).Order());
        using (var nothing = await api.SendAsync(HttpMethod.Get, "/api/v1/escalations/customers/broken"))
        {
            Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        }

        using var agent = await platform.GatewayAsAsync(Tenants.Directory, "agent");
        using var refused = await agent.PutAsJsonAsync("/api/v1/escalations/customers/agents-own", Northwind(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_list_pages_by_id_with_a_link_to_the_next_page()
    {
        using var api = platform.Escalations(Tenants.Lifecycle); // seeded with six demo customers
        using var first = await api.SendAsync(HttpMethod.Get, "/api/v1/escalations/customers?limit=4");
        var page = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(4, page.GetArrayLength());
        var next = first.Headers.GetValues("Link").Single();
        Assert.Matches("^</api/v1/escalations/customers\\?limit=4&after=[a-z]+>; rel=\"next\"$", next);

        var rest = await api.JsonAsync(HttpMethod.Get, next[1..next.IndexOf('>', StringComparison.Ordinal)]);
        Assert.Equal(["acme", "globex", "hooli", "initech", "soylent", "umbrella"],
            page.EnumerateArray().Concat(rest.EnumerateArray()).Select(customer => customer.Text("id")));
    }
}
