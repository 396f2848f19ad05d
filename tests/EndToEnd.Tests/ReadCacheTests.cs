using System.Net;
using System.Text.Json;
using Aspire.Hosting.Testing;
using EscalationPlatform.Testing;
using Npgsql;

namespace EndToEnd.Tests;

/// <summary>Intake's read cache, through the gateway, on the real database: what a client changes it reads back at
/// once, what another process writes is read once PostgreSQL has announced it, a new submission is on the next queue
/// page, and a cached record is still no one else's.</summary>
public sealed class ReadCacheTests(PlatformFixture platform)
{
    private static readonly TimeSpan Announced = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_record_read_twice_then_acknowledged_reads_back_acknowledged_at_once()
    {
        using var api = platform.Escalations(Tenants.ReadCache);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        var assigned = await api.WaitForAsync(id, r => r.Status() == "assigned", "assigned");
        var owner = assigned.PersonId("owner")!;
        await api.GetAsync(id);
        await api.GetAsync(id);

        await api.DoAsync(id, "acknowledge", actor: owner);
        var read = await api.GetAsync(id); // no waiting: this intake dropped what it had when the change committed

        Assert.Equal("acknowledged", read.Status());
        Assert.NotEmpty(read.Timeline("acknowledged"));
    }

    [Fact]
    public async Task A_queue_page_read_twice_shows_the_next_submission_at_once()
    {
        using var api = platform.Escalations(Tenants.ReadCache);
        await QueueAsync(api);
        await QueueAsync(api);

        var id = await api.SubmitAsync(Cases.TeamProblem());

        Assert.Contains(id, await QueueAsync(api));
    }

    [Fact]
    public async Task A_change_another_process_writes_is_read_once_the_database_announces_it()
    {
        using var api = platform.Escalations(Tenants.ReadCache);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3,
            "assigned with its clocks");
        Assert.Contains(id, await QueueAsync(api));
        await using var otherReplica = new NpgsqlConnection(await platform.Host.App.GetConnectionStringAsync("intakedb", TestContext.Current.CancellationToken));
        await otherReplica.OpenAsync(TestContext.Current.CancellationToken);

        await ListenerConnectedAsync(otherReplica); // the listener test before this one may have cut it

        // Proof that reads come from the cache: a change with the triggers off is not announced, and not seen. A change
        // announced meanwhile (a late commitment, or another record's in the same invalidation stripe) sends that one
        // read to the database, so the proof may take another try; a cache that is never used fails every try.
        var servedFromCache = false;
        for (var attempt = 1; attempt <= 3 && !servedFromCache; attempt++)
        {
            var before = (await api.GetAsync(id)).GetProperty("title").GetString();
            await RetitleAsync(otherReplica, id, $"Unannounced title {attempt}", announce: false);
            servedFromCache = (await api.GetAsync(id)).GetProperty("title").GetString() == before;
        }

        Assert.True(servedFromCache, "an unannounced change was read at once, in every try: reads did not come from the cache");

        await RetitleAsync(otherReplica, id, "Retitled by another replica", announce: true);

        await api.WaitForAsync(id, r => r.GetProperty("title").GetString() == "Retitled by another replica", "the other replica's title", Announced);
        var line = await Eventually.ReachesAsync(() => LineAsync(api, id), found => found?.GetProperty("title").GetString() == "Retitled by another replica",
            Announced, "the other replica's title in the queue");
        Assert.Equal("assigned", line!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cached_record_is_not_found_with_another_tenants_credentials()
    {
        using var api = platform.Escalations(Tenants.ReadCache);
        using var other = platform.Escalations(Tenants.ReadCacheOther);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.GetAsync(id);
        await api.GetAsync(id);

        var globexReader = await Credentials.ApiKeyAsync(platform, Tenants.ReadCache, ["escalations:read"], customerId: "globex");
        using var globexOnly = Credentials.WithKey(platform, globexReader.Key);

        using var response = await other.SendAsync(HttpMethod.Get, $"/api/v1/escalations/{id}");
        using var otherCustomers = await globexOnly.GetAsync($"/api/v1/escalations/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCustomers.StatusCode); // an initech case, to a credential bound to globex
        Assert.DoesNotContain(id, await QueueAsync(other));
        Assert.Equal(id, (await api.GetAsync(id)).GetProperty("id").GetGuid()); // and still served to its own tenant
    }

    [Fact]
    public async Task When_the_listener_loses_its_connection_reads_go_to_the_database_and_the_cache_starts_again_empty()
    {
        using var api = platform.Escalations(Tenants.ReadCache);
        var id = await api.SubmitAsync(Cases.TeamProblem());
        await api.WaitForAsync(id, r => r.Status() == "assigned" && r.GetProperty("sla").GetProperty("clocks").GetArrayLength() == 3, "assigned with its clocks");
        await api.GetAsync(id);
        await using var database = new NpgsqlConnection(await platform.Host.App.GetConnectionStringAsync("intakedb", TestContext.Current.CancellationToken));
        await database.OpenAsync(TestContext.Current.CancellationToken);
        await RetitleAsync(database, id, "Changed while nobody listened", announce: false);

        await using (var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN escalation_changed'",
            database)) // intake's read cache listener, the connection's last statement
        {
            Assert.Equal(1L, await terminate.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await api.WaitForAsync(id, r => r.GetProperty("title").GetString() == "Changed while nobody listened", "the unannounced title, from the database", Announced);
        await ListenerConnectedAsync(database);
    }

    /// <summary>Until intake's read cache listener is connected again (its connection's last statement is the LISTEN).</summary>
    private static Task ListenerConnectedAsync(NpgsqlConnection database) =>
        Eventually.ReachesAsync(async () =>
            {
                await using var listening = new NpgsqlCommand(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN escalation_changed'", database);
                return (long)(await listening.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            },
            count => count >= 1, Announced, "intake's read cache listening");

    private static async Task<List<Guid>> QueueAsync(EscalationsClient api) =>
        [.. (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=20")).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];

    private static async Task<JsonElement?> LineAsync(EscalationsClient api, Guid id) =>
        (await api.JsonAsync(HttpMethod.Get, "/api/v1/escalations?limit=100")).GetProperty("items").EnumerateArray()
            .Select(item => (JsonElement?)item).FirstOrDefault(item => item!.Value.GetProperty("id").GetGuid() == id);

    /// <summary>An UPDATE on its own connection, as another intake would write; with <paramref name="announce"/> false,
    /// with this session's triggers off (session_replication_role = replica), so no notification is sent.</summary>
    private static async Task RetitleAsync(NpgsqlConnection connection, Guid id, string title, bool announce)
    {
        await using var update = new NpgsqlCommand(
            $"""
            SET session_replication_role = {(announce ? "origin" : "replica")};
            UPDATE escalation SET "Title" = @title WHERE id = @id;
            SET session_replication_role = origin;
            """, connection);
        update.Parameters.AddWithValue("title", title);
        update.Parameters.AddWithValue("id", id);
        await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
