using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EndToEnd.Tests;

/// <summary>The matrix, the checklists and the SLA policy as versioned documents (SPEC sections 4, 6 and 9): drafts tried
/// on the tenant's cases before they are published, versions with who and why, a diff, a roll back, and the SLA clocks
/// of running cases re-planned when a policy is published.</summary>
public sealed class ConfigurationTests(PlatformFixture platform)
{
    private const string Matrix = "/api/v1/triage/matrix";
    private const string Policy = "/api/v1/sla/policy";
    private const string DemotedRule = "s2-team-blocked-no-workaround";

    private static CancellationToken Cancelled => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_what_if_on_a_draft_that_demotes_a_rule_counts_exactly_the_cases_it_moves_and_publishing_it_keeps_who_and_why()
    {
        await platform.ProvisionAsync(Tenants.WhatIf);
        using var api = platform.Escalations(Tenants.WhatIf);
        var blocked = new[] { "initech", "initech", "globex" };
        foreach (var customer in blocked)
        {
            await api.SubmitAsync(Cases.TeamBlocked(customer));
        }

        await api.SubmitAsync(Cases.TeamBlocked("umbrella", workaround: true)); // a workaround: S3, which the demoted rule does not decide
        var cancelled = await api.SubmitAsync(Cases.TeamBlocked("hooli"));
        await api.WaitForAsync(cancelled, record => record.Text("status") == "triaged", "the last case triaged");
        await api.DoAsync(cancelled, "cancel", new { reason = "raised twice" });

        var (draftId, etag) = await StartDraftAsync(api, Matrix);
        var draft = await api.JsonAsync(HttpMethod.Get, $"{Matrix}/drafts/{draftId}");
        var document = JsonNode.Parse(draft.GetProperty("document").GetRawText())!.AsObject();
        var rule = document["rules"]!.AsArray().Single(node => (string?)node!["id"] == DemotedRule)!;
        rule["severity"] = "S3";
        using (var saved = await api.SendAsync(HttpMethod.Put, $"{Matrix}/drafts/{draftId}", new { document }, ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            etag = saved.Headers.ETag!.Tag;
        }

        var whatIf = await api.JsonAsync(HttpMethod.Post, $"{Matrix}/drafts/{draftId}/what-if?days=1");

        var open = whatIf.GetProperty("open");
        Assert.Equal((4, 3), (open.GetProperty("cases").GetInt32(), open.GetProperty("changed").GetInt32()));
        var move = Assert.Single(open.GetProperty("moves").EnumerateArray());
        Assert.Equal(("S2", "S3", 3), (move.Text("from"), move.Text("to"), move.GetProperty("cases").GetInt32()));
        Assert.Equal([("initech", 2), ("globex", 1)],
            open.GetProperty("customers").EnumerateArray().Select(customer => (customer.Text("id"), customer.GetProperty("cases").GetInt32())));
        var demoted = open.GetProperty("rules").EnumerateArray().Single(effect => effect.Text("rule") == DemotedRule);
        Assert.Equal((3, 3), (demoted.GetProperty("firesNow").GetInt32(), demoted.GetProperty("firesInDraft").GetInt32()));
        var recent = whatIf.GetProperty("recent");
        Assert.Equal((5, 4), (recent.GetProperty("cases").GetInt32(), recent.GetProperty("changed").GetInt32())); // the cancelled one too

        using (var published = await api.SendAsync(HttpMethod.Post, $"{Matrix}/drafts/{draftId}/publish", new { reason = "team blocks are S3 here" },
            idempotencyKey: $"publish-{draftId}", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        using (var replayed = await api.SendAsync(HttpMethod.Post, $"{Matrix}/drafts/{draftId}/publish", new { reason = "team blocks are S3 here" },
            idempotencyKey: $"publish-{draftId}", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode); // the first answer again, not a second version
        }

        var versions = await api.JsonAsync(HttpMethod.Get, $"{Matrix}/versions");
        var newest = versions.EnumerateArray().First();
        Assert.Equal((2, "team blocks are S3 here"), (newest.GetProperty("version").GetInt32(), newest.Text("reason")));
        Assert.Equal(2, versions.GetArrayLength());
        var diff = Assert.Single((await api.JsonAsync(HttpMethod.Get, $"{Matrix}/versions/2/diff")).GetProperty("changes").EnumerateArray());
        Assert.Equal(($"rules[{DemotedRule}].severity", "S2", "S3"), (diff.Text("path"), diff.Text("before"), diff.Text("after")));

        var facts = JsonSerializer.SerializeToNode(Cases.TeamBlocked("initech"))!.AsObject();
        facts.Remove("title"); // a preview takes the facts alone
        var assessed = await api.JsonAsync(HttpMethod.Post, "/api/v1/triage/preview", facts);
        Assert.Equal(("S3", 2), (assessed.Text("severity"), assessed.GetProperty("matrixVersion").GetInt32()));
    }

    [Fact]
    public async Task Versions_refuse_stale_and_unread_writes_drafts_refuse_edits_once_published_and_a_roll_back_restores_an_old_version()
    {
        await platform.ProvisionAsync(Tenants.BadConfiguration);
        using var api = platform.Escalations(Tenants.BadConfiguration);
        var (first, firstTag) = await StartDraftAsync(api, Matrix);
        var (second, secondTag) = await StartDraftAsync(api, Matrix);
        var document = (await api.JsonAsync(HttpMethod.Get, $"{Matrix}/drafts/{first}")).GetProperty("document");
        using (var edited = await api.SendAsync(HttpMethod.Put, $"{Matrix}/drafts/{first}", new { document = Demoted(document) }, ifMatch: firstTag))
        {
            firstTag = edited.Headers.ETag!.Tag;
        }

        using (var unread = await api.SendAsync(HttpMethod.Put, Matrix, JsonNode.Parse(document.GetRawText())))
        {
            await Problems.AssertAsync(unread, HttpStatusCode.PreconditionRequired, "If-Match");
        }

        using (var stale = await api.SendAsync(HttpMethod.Put, $"{Matrix}/drafts/{first}", new { document }, ifMatch: "\"1\""))
        {
            await Problems.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        }

        await SucceedsAsync(api, $"{Matrix}/drafts/{first}/publish", new { reason = "demote" }, firstTag);
        using (var afterPublish = await api.SendAsync(HttpMethod.Put, $"{Matrix}/drafts/{first}", new { document }, ifMatch: firstTag))
        {
            await Problems.AssertAsync(afterPublish, HttpStatusCode.Conflict, "draft");
        }

        using (var outOfDate = await api.SendAsync(HttpMethod.Post, $"{Matrix}/drafts/{second}/publish", new { reason = "late" }, ifMatch: secondTag))
        {
            var problem = await Problems.AssertAsync(outOfDate, HttpStatusCode.Conflict, "draft");
            Assert.Contains("started from version 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var current = await api.SendAsync(HttpMethod.Get, Matrix);
        using (var restored = await api.SendAsync(HttpMethod.Post, $"{Matrix}/versions/1/restore", new { reason = "back to the platform's rules" },
            ifMatch: current.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }

        var rolledBack = await api.JsonAsync(HttpMethod.Get, Matrix);
        Assert.Equal((3, 1), (rolledBack.GetProperty("version").GetInt32(), rolledBack.GetProperty("restoredFrom").GetInt32()));
        Assert.Empty((await api.JsonAsync(HttpMethod.Get, $"{Matrix}/versions/3/diff?against=1")).GetProperty("changes").EnumerateArray());
    }

    public static TheoryData<string, string, string> BadPolicies => new()
    {
        { "cyclic calendars", """{"calendars":[{"id":"a","kind":"business-hours","hours":{"monday":["09:00","17:00"]},"holidaysFrom":["b"]},{"id":"b","kind":"business-hours","hours":{"monday":["09:00","17:00"]},"holidaysFrom":["a"]}]}""", "calendars[a].holidaysFrom" },
        { "a contradictory 24x7 calendar", """{"calendars":[{"id":"a","kind":"24x7","hours":{"monday":["09:00","17:00"]}}]}""", "calendars[0].hours" },
        { "empty business hours", """{"calendars":[{"id":"a","kind":"business-hours","hours":{}}]}""", "calendars[0].hours" },
        { "an unknown time zone", """{"calendars":[{"id":"a","kind":"business-hours","timeZone":"Europe/Atlantis","hours":{"monday":["09:00","17:00"]}}]}""", "calendars[0].timeZone" },
        { "a target of zero", """{"targets":{"S2":{"firstResponse":{"duration":"00:00:00","calendar":"always-open"}}}}""", "targets.S2.firstResponse.duration" },
        { "a target beyond a year", """{"targets":{"S2":{"firstResponse":{"duration":"400.00:00:00","calendar":"always-open"}}}}""", "targets.S2.firstResponse.duration" },
        { "an unknown tier", """{"tierTargets":{"platinum":{"S1":{"firstResponse":{"duration":"00:05:00","calendar":"always-open"}}}}}""", "tierTargets.platinum" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public async Task A_bad_SLA_policy_is_refused_naming_the_field_and_nothing_is_published(string what, string change, string field)
    {
        await platform.ProvisionAsync(Tenants.BadConfiguration);
        using var api = platform.Escalations(Tenants.BadConfiguration);
        using var read = await api.SendAsync(HttpMethod.Get, Policy);
        var policy = JsonNode.Parse(await read.Content.ReadAsStringAsync(Cancelled))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            if (name == "targets")
            {
                foreach (var (severity, targets) in value!.AsObject())
                {
                    policy["targets"]![severity]!["firstResponse"] = targets!["firstResponse"]!.DeepClone();
                }
            }
            else
            {
                policy[name] = value!.DeepClone();
            }
        }

        using var response = await api.SendAsync(HttpMethod.Put, Policy, policy, ifMatch: read.Headers.ETag!.Tag);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal); // in words, not type names ({what})
        Assert.Equal(read.Headers.ETag.Tag, (await api.SendAsync(HttpMethod.Get, Policy)).Headers.ETag!.Tag);
        Assert.NotEmpty(what);
    }

    [Fact]
    public async Task Publishing_a_stricter_S2_policy_moves_the_running_S2_clocks_fires_a_warning_now_due_once_and_a_roll_back_moves_them_back()
    {
        await platform.ProvisionAsync(Tenants.SlaReplan);
        using var api = platform.Escalations(Tenants.SlaReplan);
        var ids = new[] { await api.SubmitAsync(Cases.TeamBlocked("initech")), await api.SubmitAsync(Cases.TeamBlocked("globex")) };
        var opened = new List<DateTimeOffset>();
        foreach (var id in ids)
        {
            var started = await api.WaitForAsync(id, record => record.Timeline("clocks-started").Any(), "the clocks started");
            Assert.Equal("S2", started.Text("severity"));
            opened.Add(started.Clock("first-response").GetProperty("startedAt").GetDateTimeOffset());
        }

        using var inForce = await api.SendAsync(HttpMethod.Get, Policy);
        var before = inForce.Headers.ETag!.Tag;
        var (draftId, etag) = await StartDraftAsync(api, Policy);
        var document = JsonNode.Parse((await api.JsonAsync(HttpMethod.Get, $"{Policy}/drafts/{draftId}")).GetProperty("document").GetRawText())!.AsObject();
        document["targets"]!["S2"]!["firstResponse"]!["duration"] = "00:00:04";
        document["warningPercents"] = new JsonArray(50);
        using (var saved = await api.SendAsync(HttpMethod.Put, $"{Policy}/drafts/{draftId}", new { document }, ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            etag = saved.Headers.ETag!.Tag;
        }

        var preview = await api.JsonAsync(HttpMethod.Post, $"{Policy}/drafts/{draftId}/preview");
        Assert.Equal((2, 2), (preview.GetProperty("preview").GetProperty("cases").GetInt32(), preview.GetProperty("preview").GetProperty("moved").GetInt32()));
        foreach (var (id, start) in ids.Zip(opened))
        {
            var item = preview.GetProperty("preview").GetProperty("changed").EnumerateArray().Single(changed => changed.GetProperty("escalationId").GetGuid() == id);
            var firstResponse = item.GetProperty("clocks").EnumerateArray().Single(clock => clock.Text("clock") == "first-response");
            Assert.Equal((start.AddHours(1), start.AddSeconds(4)), (firstResponse.GetProperty("dueBefore").GetDateTimeOffset(), firstResponse.GetProperty("dueAfter").GetDateTimeOffset()));
        }

        await SucceedsAsync(api, $"{Policy}/drafts/{draftId}/publish", new { reason = "S2 answered within seconds" }, etag);

        foreach (var (id, start) in ids.Zip(opened))
        {
            var moved = await api.WaitForAsync(id, record => record.Timeline("sla-targets-changed").Any() && record.Timeline("sla-warning").Any(),
                "the clocks re-planned and the warning now due");
            Assert.Contains("S2 answered within seconds", moved.Timeline("sla-targets-changed").Single().Text("reason"), StringComparison.Ordinal);
            Assert.Equal(start.AddSeconds(4), moved.Clock("first-response").GetProperty("dueAt").GetDateTimeOffset());
        }

        using (var current = await api.SendAsync(HttpMethod.Get, Policy))
        {
            var version = int.Parse(before.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
            using var restored = await api.SendAsync(HttpMethod.Post, $"{Policy}/versions/{version}/restore", new { reason = "too strict" }, ifMatch: current.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }

        foreach (var (id, start) in ids.Zip(opened))
        {
            var back = await api.WaitForAsync(id, record => record.Timeline("sla-targets-changed").Count() == 2, "the clocks moved back");
            Assert.Equal(start.AddHours(1), back.Clock("first-response").GetProperty("dueAt").GetDateTimeOffset());
            Assert.Single(back.Timeline("sla-warning"), warning => warning.Text("detail")!.StartsWith("first-response: 50%", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_published_checklist_holds_a_new_case_that_lacks_what_it_now_requires()
    {
        await platform.ProvisionAsync(Tenants.Checklists);
        using var api = platform.Escalations(Tenants.Checklists);
        await api.PublishAsync("/api/v1/triage/checklists", checklists => checklists["issueTypes"]!["technical"]!.AsArray()
            .Add(new JsonObject { ["id"] = "screenshot", ["description"] = "a screenshot of the error", ["anyOf"] = new JsonArray("context.screenshotLinks") }),
            "engineers ask for a screenshot first");

        var id = await api.SubmitAsync(Cases.TeamBlocked("initech", workaround: true));

        var held = await api.WaitForAsync(id, record => record.Text("status") == "needs-information", "the case held for the screenshot");
        Assert.Equal(["screenshot"], held.GetProperty("missingContext").EnumerateArray().Select(fact => fact.Text("id")));
    }

    private static JsonNode Demoted(JsonElement document)
    {
        var copy = JsonNode.Parse(document.GetRawText())!;
        copy["rules"]!.AsArray().Single(node => (string?)node!["id"] == DemotedRule)!["severity"] = "S3";
        return copy;
    }

    private static async Task SucceedsAsync(EscalationsClient api, string path, object body, string ifMatch)
    {
        using var response = await api.SendAsync(HttpMethod.Post, path, body, ifMatch: ifMatch);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancelled)}");
    }

    private static async Task<(Guid Id, string ETag)> StartDraftAsync(EscalationsClient api, string path)
    {
        using var created = await api.SendAsync(HttpMethod.Post, $"{path}/drafts", new { });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancelled);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"starting a draft answered {(int)created.StatusCode}: {body}");
        return (body.GetProperty("id").GetGuid(), created.Headers.ETag!.Tag);
    }
}
