using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Testing;

namespace EndToEnd.Tests;

/// <summary>Notification as SPEC section 7 asks, through the gateway: the tenant's recipient rules, its team's chat
/// channel, webhooks bound to the partner that submitted, templates checked when saved and escaped when rendered,
/// digests, quiet hours on each person's clock, and the in-app feed over the live connection.</summary>
public sealed class NotificationDepthTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_S1_for_a_strategic_customer_reaches_owner_backup_account_team_leadership_the_team_channel_and_the_submitting_partner_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var api = platform.Escalations(Tenants.Notify);
        using var mail = platform.Mail();
        using (var customer = await api.SendAsync(HttpMethod.Put, "/api/v1/escalations/customers/initrode", new
        {
            name = "Initrode", tier = "strategic", contractualSla = true, timeZone = "Europe/Vienna",
            contacts = new[] { new { name = "Kim Ito", email = "kim@initrode.example", role = "IT lead" } },
            accountTeam = new[] { new { name = "Ava Account", email = $"ava@{Tenants.Notify}.example", role = "account manager" } },
        }))
        {
            Assert.True(customer.IsSuccessStatusCode || customer.StatusCode == HttpStatusCode.PreconditionRequired, $"{(int)customer.StatusCode}");
        }

        await api.PublishAsync("/api/v1/notifications/rules", rules => rules["teamChannels"] = new JsonArray(
            new JsonObject { ["teamId"] = "security-response", ["kind"] = "slack", ["url"] = receiver.UrlFor("slack") }));
        await api.PublishAsync("/api/v1/notifications/templates", templates =>
            templates["email"]!["offered"]!["html"] = "<h1>{{ case.title }}</h1><p><a href=\"{{ case.link }}\">{{ case.key }}</a></p>");
        var partnerA = await Credentials.ApiKeyAsync(platform, Tenants.Notify, ["escalations:read", "escalations:write", "webhooks:manage"]);
        var partnerB = await Credentials.ApiKeyAsync(platform, Tenants.Notify, ["escalations:read", "escalations:write", "webhooks:manage"]);
        using var a = Credentials.WithKey(platform, partnerA.Key);
        using var b = Credentials.WithKey(platform, partnerB.Key);
        foreach (var (partner, name) in new[] { (a, "partner-a"), (b, "partner-b") })
        {
            using var subscribed = await partner.PostAsJsonAsync("/api/v1/notifications/webhooks",
                new { url = receiver.UrlFor(name), events = new[] { "escalation.offered" }, submittedBy = "me" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        }

        using var submitted = await a.PostAsJsonAsync("/api/v1/escalations",
            Cases.SecurityIncident("initrode", title: "Invoices <script>alert(1)</script> visible"), TestContext.Current.CancellationToken);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "routed");
        var key = record.Text("key")!;
        var (owner, backup) = (record.PersonId("owner")!, record.PersonId("backup")!);

        foreach (var (recipient, subject) in new[]
        {
            ($"{owner}@{Tenants.Notify}.example", "offered to you"),
            ($"{backup}@{Tenants.Notify}.example", "S1 escalation"),
            ($"ava@{Tenants.Notify}.example", "S1 escalation"),
            ($"leadership@{Tenants.Notify}.example", "S1 escalation"),
        })
        {
            var received = await Eventually.ReachesAsync(() => mail.ToAsync(recipient, key), messages => messages.Count > 0, Patience, $"{recipient}'s email");
            Assert.Contains(subject, Assert.Single(received).Subject, StringComparison.Ordinal);
        }

        var ownerMail = (await mail.ToAsync($"{owner}@{Tenants.Notify}.example", key))[0];
        var text = await mail.BodyAsync(ownerMail.Id);
        Assert.Contains($"/cases/{id}", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal); // plain text is text
        var html = await mail.HtmlAsync(ownerMail.Id);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        var slack = await Eventually.ReachesAsync(() => Task.FromResult(receiver.Received("slack")), hooks => hooks.Count > 0, Patience, "the team channel's message");
        var message = JsonDocument.Parse(slack[0].Body).RootElement;
        Assert.Contains($"[{key}] S1", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].Text("type"));
        var fields = blocks[1].GetProperty("fields").EnumerateArray().Select(field => field.Text("text")!).ToList();
        Assert.Contains("*Severity*\nS1", fields);
        Assert.Contains(fields, field => field.StartsWith("*Owner*\n", StringComparison.Ordinal) && field.Length > "*Owner*\n".Length);
        Assert.Contains(fields, field => field.StartsWith("*Due*\n", StringComparison.Ordinal) && field.EndsWith("Z", StringComparison.Ordinal));
        Assert.EndsWith($"/cases/{id}", blocks[2].GetProperty("elements")[0].Text("url"), StringComparison.Ordinal);

        await Eventually.ReachesAsync(() => Task.FromResult(receiver.Received("partner-a")), hooks => hooks.Count > 0, Patience, "the submitting partner's webhook");
        var log = await api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={id}&channel=webhook");
        Assert.All(log.GetProperty("items").EnumerateArray(), delivery => Assert.Equal(receiver.UrlFor("partner-a"), delivery.Text("recipient")));
        Assert.Empty(receiver.Received("partner-b"));
        var audiences = (await api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={id}")).GetProperty("items").EnumerateArray()
            .Select(delivery => delivery.Text("audience")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "owner", "backup", "account-team", "leadership", "team-channel", "partner" }, audiences);
    }

    [Fact]
    public async Task The_owners_in_app_feed_counts_what_is_unread_and_their_live_connection_says_when_it_grows()
    {
        using var api = platform.Escalations(Tenants.Notify);
        var id = await api.SubmitAsync(Cases.SecurityIncident("acme"));
        var record = await api.WaitForAsync(id, r => r.Status() == "assigned", "routed");
        var owner = record.PersonId("owner")!;
        var feed = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/feed", actor: owner),
            page => page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("escalationId").GetGuid() == id), Patience, "the offer in the owner's feed");
        Assert.True(feed.GetProperty("unread").GetInt32() >= 1);

        using var gateway = new HttpClient { BaseAddress = platform.Endpoint("gateway", "http"), Timeout = Timeout.InfiniteTimeSpan };
        using var follow = new HttpRequestMessage(HttpMethod.Get, "/api/v1/escalations/changes");
        follow.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.TokenAsync(Tenants.Notify, owner, "agent"));
        using var stream = await gateway.SendAsync(follow, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var events = SseParser.Create(await stream.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))
            .EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("ready", events.Current.EventType);

        await api.DoAsync(id, "severity", new { severity = "S2", reason = "one region only" }); // the owner hears of a change out of S1
        using var patience = new CancellationTokenSource(Patience);
        while (await events.MoveNextAsync().AsTask().WaitAsync(patience.Token) && events.Current.EventType != "feed")
        {
        }

        Assert.Equal("feed", events.Current.EventType);
        var newest = (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/feed", actor: owner)).GetProperty("items")[0].GetProperty("id").GetGuid();
        using (var readAll = await api.SendAsync(HttpMethod.Post, "/api/v1/notifications/feed/read", new { upTo = newest }, actor: owner))
        {
            Assert.Equal(HttpStatusCode.NoContent, readAll.StatusCode);
        }

        // Read up to the newest seen: an entry that arrives after it (the re-planned offer follows the severity change) stays unread.
        var unread = (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/feed?unreadOnly=true", actor: owner)).GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(unread, item => item.GetProperty("id").GetGuid() == newest || item.GetProperty("id").GetGuid() == feed.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/feed", actor: "somebody-else")).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_burst_of_ten_non_urgent_updates_within_the_window_arrives_as_one_digest()
    {
        using var api = platform.Escalations(Tenants.NotifyDigest);
        using var mail = platform.Mail();
        await api.PublishAsync("/api/v1/notifications/rules", rules => rules["digestMinutes"] = 1);
        var cases = await Task.WhenAll(Enumerable.Range(0, 10).Select(async n =>
        {
            var id = await api.SubmitAsync(Cases.TeamBlocked($"digest-{n}"));
            await api.WaitForAsync(id, r => r.Status() == "assigned" && r.Text("severity") == "S2", "an S2 routed", Patience);
            return id;
        }));

        await Task.WhenAll(cases.Select(id => api.DoAsync(id, "severity", new { severity = "S3", reason = "a workaround was found" })));

        var leadership = $"leadership@{Tenants.NotifyDigest}.example";
        var digests = await Eventually.ReachesAsync(() => mail.ToAsync(leadership, "updates on your escalations"), messages => messages.Count > 0,
            TimeSpan.FromMinutes(2), "leadership's digest");
        if (digests.Count != 1 || !digests[0].Subject.Contains("10 updates", StringComparison.Ordinal))
        {
            var log = await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications?channel=email&limit=100");
            Assert.Fail($"{string.Join(", ", digests.Select(digest => digest.Subject))}; leadership's deliveries: " + string.Join("\n", log.GetProperty("items").EnumerateArray()
                .Where(delivery => delivery.Text("recipient") == leadership)
                .Select(delivery => $"{delivery.Text("createdAt")} due {delivery.Text("nextAttemptAt")} sent {delivery.Text("deliveredAt")} {delivery.Text("status")} digest={delivery.GetProperty("digest")}")));
        }
        Assert.Empty(await mail.ToAsync(leadership, "Lowered to S3"));
        var body = await mail.BodyAsync(digests[0].Id);
        Assert.Equal(10, cases.Count(id => body.Contains($"/cases/{id}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_person_in_quiet_hours_gets_no_non_urgent_mail_at_night_and_still_gets_the_S1()
    {
        using var api = platform.Escalations(Tenants.NotifyQuiet);
        using var mail = platform.Mail();
        // A zone where it is night now, so that "22:00 to 07:00" holds whenever the test runs.
        var night = TimeZoneInfo.GetSystemTimeZones().First(zone => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Hour is >= 1 and <= 4
            && TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(10), zone).Hour is >= 1 and <= 5);
        foreach (var person in new[] { "margaret", "ada", "grace", "linus", "schneier", "rejewski", "turing", "shamir" })
        {
            var set = await api.JsonAsync(HttpMethod.Put, $"/api/v1/notifications/preferences/{person}",
                new { email = true, inApp = true, timeZone = night.Id, quietHours = new { from = "22:00", to = "07:00" } });
            Assert.Equal("22:00", set.GetProperty("quietHours").Text("from"));
        }

        var quiet = await api.SubmitAsync(Cases.TeamProblem());
        var s3 = await api.WaitForAsync(quiet, r => r.Status() == "assigned" && r.Text("severity") == "S3", "an S3 routed");
        var urgent = await api.SubmitAsync(Cases.SecurityIncident());
        var s1 = await api.WaitForAsync(urgent, r => r.Status() == "assigned", "an S1 routed");

        var s1Owner = $"{s1.PersonId("owner")}@{Tenants.NotifyQuiet}.example";
        await Eventually.ReachesAsync(() => mail.ToAsync(s1Owner, s1.Text("key")!), messages => messages.Count > 0, Patience, "the S1 owner's email");

        var held = await Eventually.ReachesAsync(() => api.JsonAsync(HttpMethod.Get, $"/api/v1/notifications?escalationId={quiet}&channel=email"),
            page => page.GetProperty("items").EnumerateArray().Any(delivery => delivery.Text("audience") == "owner"), Patience, "the S3 offer's email planned");
        var offer = held.GetProperty("items").EnumerateArray().Single(delivery => delivery.Text("audience") == "owner");
        Assert.Equal("pending", offer.Text("status"));
        var dueLocal = TimeZoneInfo.ConvertTime(offer.GetProperty("nextAttemptAt").GetDateTimeOffset(), night);
        Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(dueLocal.DateTime));
        Assert.Empty(await mail.ToAsync($"{s3.PersonId("owner")}@{Tenants.NotifyQuiet}.example", s3.Text("key")!));
    }

    [Fact]
    public async Task A_person_sets_their_own_preferences_and_bad_ones_are_named_field_by_field()
    {
        using var api = platform.Escalations(Tenants.NotifyQuiet);

        using (var bad = await api.SendAsync(HttpMethod.Put, "/api/v1/notifications/preferences/me",
            new { timeZone = "Mars/Olympus", quietHours = new { from = "25:00", to = "07:00" } }, actor: "quinn"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("quietHours.from", out _), errors.ToString());
        }

        var saved = await api.JsonAsync(HttpMethod.Put, "/api/v1/notifications/preferences/me",
            new { email = false, timeZone = "Europe/Berlin", quietHours = new { from = "21:30", to = "06:45" } }, actor: "quinn");
        Assert.Equal((false, true, "06:45"), (saved.GetProperty("email").GetBoolean(), saved.GetProperty("inApp").GetBoolean(), saved.GetProperty("quietHours").Text("to")));
        Assert.Equal("Europe/Berlin", (await api.JsonAsync(HttpMethod.Get, "/api/v1/notifications/preferences/me", actor: "quinn")).Text("timeZone"));
        using var zone = await api.SendAsync(HttpMethod.Put, "/api/v1/notifications/preferences/me", new { timeZone = "Mars/Olympus" }, actor: "quinn");
        Assert.Equal(HttpStatusCode.BadRequest, zone.StatusCode);
        Assert.Contains("timeZone", await zone.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_naming_a_variable_that_does_not_exist_is_refused_naming_it()
    {
        using var api = platform.Escalations(Tenants.NotifyQuiet);
        using var read = await api.SendAsync(HttpMethod.Get, "/api/v1/notifications/templates");
        var document = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        document["email"]!["sla-breach"]!["subject"] = "[{{ case.key }}] breached, owner {{ case.owner_phone }}";

        using var refused = await api.SendAsync(HttpMethod.Put, "/api/v1/notifications/templates", document, ifMatch: read.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var messages = problem.GetProperty("errors").GetProperty("email.sla-breach.subject").EnumerateArray().Select(message => message.GetString()).ToList();
        Assert.Contains(messages, message => message!.Contains("case.owner_phone", StringComparison.Ordinal));

        var preview = await api.JsonAsync(HttpMethod.Post, "/api/v1/notifications/templates/preview",
            new { @event = "offered", role = "owner", email = new { subject = "{{ case.key }}", text = "Hi {{ recipient.name }}, {{ case.title }}", html = "<b>{{ case.title }}</b>" } });
        Assert.Equal("ESC-1042", preview.Text("subject"));
        Assert.Contains("\"type\":\"AdaptiveCard\"", preview.Text("teams"), StringComparison.Ordinal);
    }
}
