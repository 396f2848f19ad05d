using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EndToEnd.Tests;

/// <summary>The platform operator provisions a tenant: its defaults exist in the services before the tenant is
/// recorded (the SLA policy with its calendar, version 1 of the matrix, the default escalation policy), a bad calendar
/// or time zone leaves no tenant behind, and a tenant's own admin cannot reach provisioning.</summary>
public sealed class ProvisioningTests(PlatformFixture platform)
{
    private const string Path = "/api/v1/ops/tenants/" + Tenants.Provisioned;

    [Fact]
    public async Task The_operator_provisions_a_tenant_whose_admins_then_find_its_calendar_matrix_and_escalation_policy()
    {
        using var @operator = platform.Host.OperatorClient();
        var cancellation = TestContext.Current.CancellationToken;

        using (var bad = await @operator.PutAsJsonAsync(Path, new
        {
            name = "Provisioned Ltd", timeZone = "Europe/Vienna",
            defaultCalendar = new { businessHours = new Dictionary<string, string[]> { ["someday"] = ["08:00", "16:00"] } },
        }, cancellation))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("errors");
            Assert.StartsWith("defaultCalendar.businessHours", Assert.Single(errors.EnumerateObject()).Name, StringComparison.Ordinal);
        }

        using (var zone = await @operator.PutAsJsonAsync(Path, new { name = "Provisioned Ltd", timeZone = "Mars/Olympus" }, cancellation))
        {
            Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
            Assert.True((await zone.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("errors").TryGetProperty("timeZone", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await @operator.GetAsync(Path, cancellation)).StatusCode); // nothing half-saved

        using (var created = await @operator.PutAsJsonAsync(Path, new
        {
            name = "Provisioned Ltd", timeZone = "Europe/Vienna",
            defaultCalendar = new
            {
                businessHours = new Dictionary<string, string[]>
                {
                    ["monday"] = ["08:00", "16:00"], ["tuesday"] = ["08:00", "16:00"], ["wednesday"] = ["08:00", "16:00"],
                    ["thursday"] = ["08:00", "16:00"], ["friday"] = ["08:00", "14:00"],
                },
                holidays = new[] { "2026-12-25", "2026-12-26" },
            },
        }, cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var tenant = await created.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            Assert.Equal(("Provisioned Ltd", "Europe/Vienna"), (tenant.Text("name"), tenant.Text("timeZone")));
        }

        using var api = platform.Escalations(Tenants.Provisioned);
        var sla = await api.JsonAsync(HttpMethod.Get, "/api/v1/sla/policy");
        var business = sla.GetProperty("calendars").EnumerateArray().Single(calendar => calendar.Text("id") == "business-hours");
        Assert.Equal(["08:00", "14:00"], business.GetProperty("hours").GetProperty("friday").EnumerateArray().Select(time => time.GetString()));
        Assert.False(business.GetProperty("hours").TryGetProperty("saturday", out _));
        Assert.Equal(["2026-12-25", "2026-12-26"], business.GetProperty("holidays").EnumerateArray().Select(day => day.GetString()));
        Assert.Equal((2, "the tenant's calendar, given when it was provisioned"), (sla.GetProperty("version").GetInt32(), sla.Text("reason")));
        Assert.Equal(1, (await api.JsonAsync(HttpMethod.Get, "/api/v1/triage/matrix")).GetProperty("version").GetInt32());
        var policy = await api.JsonAsync(HttpMethod.Get, "/api/v1/routing/escalation-policies/default");
        Assert.Equal(["owner", "backup", "team-lead"], policy.GetProperty("levels").EnumerateArray().Select(level => level.Text("target")));

        using (var again = await @operator.PutAsJsonAsync(Path, new { name = "Provisioned GmbH", timeZone = "Europe/Vienna" }, cancellation))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, again.StatusCode); // replacing needs the ETag read
        }

        using var read = await @operator.GetAsync(Path, cancellation);
        using var renamed = new HttpRequestMessage(HttpMethod.Put, Path) { Content = JsonContent.Create(new { name = "Provisioned GmbH", timeZone = "Europe/Vienna" }) };
        renamed.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using (var answer = await @operator.SendAsync(renamed, cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var list = await (await @operator.GetAsync("/api/v1/ops/tenants?limit=1000", cancellation)).Content.ReadFromJsonAsync<JsonElement>(cancellation);
        var listed = Assert.Single(list.EnumerateArray(), tenant => tenant.Text("id") == Tenants.Provisioned);
        Assert.Equal(("Provisioned GmbH", "operator:local-operator", "operator:local-operator"), (listed.Text("name"), listed.Text("createdBy"), listed.Text("updatedBy")));

        using var admin = await api.SendAsync(HttpMethod.Get, "/api/v1/ops/tenants");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode); // the tenant's admins cannot provision tenants
    }
}
