using System.Text;
using EscalationPlatform.Contracts;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Idempotency;
using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Web.UnitTests;

/// <summary>The Idempotency-Key filter on a real SQL database (a SQLite file: its writers wait for each other, as
/// PostgreSQL's do on a conflicting insert), driven the way minimal APIs drive it: the filter, then the answer executed.</summary>
public sealed class IdempotencyFilterTests : IDisposable
{
    private const string Path = "/api/v1/things";

    private static readonly Caller Ada = new("acme", "u-ada");

    private readonly string _file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"idempotency-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddProblemDetails()
        .ConfigureHttpJsonOptions(options => WebConventions.Apply(options.SerializerOptions))
        .BuildServiceProvider();

    private int _runs;

    public IdempotencyFilterTests()
    {
        using var db = NewDb();
        db.Database.EnsureCreated();
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_request_gets_the_first_answer_without_running_again()
    {
        var first = await SendAsync("ticket-1", Created(7));
        var retry = await SendAsync("ticket-1", Created(8));

        Assert.Equal(1, _runs);
        Assert.Equal((201, "/api/v1/things/7", false), (first.Status, first.Location, first.Replayed));
        Assert.Equal((201, "/api/v1/things/7", true), (retry.Status, retry.Location, retry.Replayed));
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("""{"id":7,"name":"thing 7","kind":"spare-part"}""", retry.Body);
        Assert.StartsWith("application/json", retry.ContentType);
    }

    public static TheoryData<string> OtherRequests => ["body", "path", "query", "method"];

    [Theory]
    [MemberData(nameof(OtherRequests))]
    public async Task The_same_key_for_another_request_is_refused_with_422(string change)
    {
        await SendAsync("ticket-1", Created(7), body: """{"name":"a"}""", query: "?draft=false");

        var other = change switch
        {
            "body" => await SendAsync("ticket-1", Created(8), body: """{"name":"b"}""", query: "?draft=false"),
            "path" => await SendAsync("ticket-1", Created(8), body: """{"name":"a"}""", query: "?draft=false", path: Path + "/7"),
            "query" => await SendAsync("ticket-1", Created(8), body: """{"name":"a"}""", query: "?draft=true"),
            "method" => await SendAsync("ticket-1", Created(8), body: """{"name":"a"}""", query: "?draft=false", method: "PUT"),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.Equal(1, _runs);
        Assert.Equal(422, other.Status);
        Assert.False(other.Replayed);
        Assert.Contains("\"Idempotency-Key\":[\"already used for a different request\"]", other.Body);
    }

    [Fact]
    public async Task Keys_belong_to_the_credential_that_sent_them()
    {
        var ada = await SendAsync("ticket-1", Created(1), caller: Ada);
        var bob = await SendAsync("ticket-1", Created(2), caller: Ada with { ActorId = "u-bob" });
        var otherTenant = await SendAsync("ticket-1", Created(3), caller: Ada with { Tenant = "globex" });
        var adaAgain = await SendAsync("ticket-1", Created(4), caller: Ada);

        Assert.Equal(3, _runs);
        Assert.Equal(["/api/v1/things/1", "/api/v1/things/2", "/api/v1/things/3"], new[] { ada.Location, bob.Location, otherTenant.Location });
        Assert.False(bob.Replayed || otherTenant.Replayed);
        Assert.Equal((true, "/api/v1/things/1"), (adaAgain.Replayed, adaAgain.Location));
    }

    [Fact]
    public async Task A_secret_in_the_answer_is_shown_once_never_stored_and_left_out_of_a_replay()
    {
        var answer = new Credential("key-9", "ep_live_s3cr3t");

        var first = await SendAsync("new-key", () => TypedResults.Created("/api/v1/keys/key-9", answer));
        var replay = await SendAsync("new-key", () => TypedResults.Created("/api/v1/keys/key-9", answer));

        Assert.Equal("""{"id":"key-9","secret":"ep_live_s3cr3t"}""", first.Body);
        Assert.Equal((201, true, """{"id":"key-9"}"""), (replay.Status, replay.Replayed, replay.Body));
        await using var db = NewDb();
        Assert.DoesNotContain(await db.Set<IdempotencyRecord>().Select(record => record.ResponseBody).ToListAsync(TestContext.Current.CancellationToken),
            body => body!.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_an_error_answer_the_key_is_free_again()
    {
        var refused = await SendAsync("ticket-1", () => TypedResults.Problem(statusCode: 409, title: "Not now."));
        var retried = await SendAsync("ticket-1", Created(7));
        var replayed = await SendAsync("ticket-1", Created(8));

        Assert.Equal(2, _runs);
        Assert.Equal((409, false), (refused.Status, refused.Replayed));
        Assert.Equal((201, false, "/api/v1/things/7"), (retried.Status, retried.Replayed, retried.Location));
        Assert.Equal((201, true, "/api/v1/things/7"), (replayed.Status, replayed.Replayed, replayed.Location));
    }

    [Fact]
    public async Task The_handlers_changes_commit_with_the_key_and_a_request_that_throws_leaves_neither()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync("ticket-1", async db =>
        {
            db.Add(new Thing(1, "half done"));
            await db.SaveChangesAsync();
            throw new InvalidOperationException("the request failed after saving");
        }));
        await using (var db = NewDb())
        {
            Assert.Empty(await db.Set<Thing>().ToListAsync(TestContext.Current.CancellationToken));
            Assert.Empty(await db.Set<IdempotencyRecord>().ToListAsync(TestContext.Current.CancellationToken));
        }

        var done = await SendAsync("ticket-1", async db =>
        {
            db.Add(new Thing(2, "done"));
            await db.SaveChangesAsync();
            return Created(2)();
        });

        Assert.Equal((201, false), (done.Status, done.Replayed));
        await using (var db = NewDb())
        {
            Assert.Equal([2], await db.Set<Thing>().Select(thing => thing.Id).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal([201], await db.Set<IdempotencyRecord>().Select(record => record.StatusCode).ToListAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task An_answer_inside_a_results_union_is_kept_by_its_inner_result()
    {
        Results<Ok<Thing>, NotFound> Found() => TypedResults.Ok(new Thing(5, "thing 5"));

        var first = await SendAsync("ticket-1", Found);
        var replay = await SendAsync("ticket-1", Found);

        Assert.Equal(1, _runs);
        Assert.Equal((200, true), (replay.Status, replay.Replayed));
        Assert.Equal(first.Body, replay.Body);
    }

    [Fact]
    public async Task An_answer_without_a_body_is_replayed_without_one()
    {
        await SendAsync("ticket-1", () => TypedResults.NoContent());
        var replay = await SendAsync("ticket-1", () => TypedResults.NoContent());

        Assert.Equal(1, _runs);
        Assert.Equal((204, true, "", (string?)null), (replay.Status, replay.Replayed, replay.Body, replay.ContentType));
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("POST", "")]
    [InlineData("GET", "ticket-1")]
    [InlineData("HEAD", "ticket-1")]
    public async Task Without_a_key_or_on_a_read_the_request_runs_every_time_and_nothing_is_kept(string method, string? key)
    {
        var first = await SendAsync(key, Created(1), method: method);
        var second = await SendAsync(key, Created(2), method: method);

        Assert.Equal(2, _runs);
        Assert.Equal(("/api/v1/things/1", "/api/v1/things/2"), (first.Location, second.Location));
        Assert.False(first.Replayed || second.Replayed);
        await using var db = NewDb();
        Assert.Empty(await db.Set<IdempotencyRecord>().ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_key_of_up_to_255_printable_characters_is_taken()
    {
        var key = new string('k', IdempotencyFilter.MaxKeyLength);

        await SendAsync(key, Created(1));
        var replay = await SendAsync(key, Created(2));

        Assert.Equal(255, IdempotencyFilter.MaxKeyLength);
        Assert.Equal((true, "/api/v1/things/1"), (replay.Replayed, replay.Location));
    }

    [Theory]
    [InlineData(256, "")]
    [InlineData(8, "\u0001")]
    [InlineData(8, "\n")]
    [InlineData(8, "\u007f")]
    public async Task A_key_too_long_or_with_a_control_character_is_refused_with_400_before_anything_runs(int length, string inserted)
    {
        var key = new string('k', length).Insert(length / 2, inserted);

        var answer = await SendAsync(key, Created(1));

        Assert.Equal(0, _runs);
        Assert.Equal(400, answer.Status);
        Assert.Contains("\"Idempotency-Key\":[\"1 to 255 printable characters\"]", answer.Body);
    }

    [Fact]
    public async Task A_request_under_a_key_still_in_flight_waits_for_the_first_and_gets_its_answer()
    {
        var (first, second) = await RaceAsync(() => Created(1)());

        Assert.Equal(1, _runs);
        Assert.Equal((201, false, "/api/v1/things/1"), (first.Status, first.Replayed, first.Location));
        Assert.Equal((201, true, "/api/v1/things/1"), (second.Status, second.Replayed, second.Location));
    }

    [Fact]
    public async Task A_request_under_a_key_still_in_flight_runs_itself_when_the_first_fails()
    {
        var (first, second) = await RaceAsync(() => TypedResults.Problem(statusCode: 409, title: "Not now."));

        Assert.Equal(2, _runs);
        Assert.Equal(409, first.Status);
        Assert.Equal((201, false, "/api/v1/things/2"), (second.Status, second.Replayed, second.Location));
    }

    /// <summary>Two requests under one key: the second starts its claim while the first one's handler is still running
    /// (holding the key in its open transaction); the first then answers <paramref name="firstAnswer"/>.</summary>
    private async Task<(Answer First, Answer Second)> RaceAsync(Func<IResult> firstAnswer)
    {
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondClaiming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // SQLite blocks the calling thread while it waits for a lock: each request runs on a thread of its own.
        var first = Task.Run(() => SendAsync("ticket-1", async _ =>
        {
            firstRunning.SetResult();
            await release.Task;
            return firstAnswer();
        }));
        await firstRunning.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var second = Task.Run(() => SendAsync("ticket-1", _ => Task.FromResult<object?>(Created(2)()), onTransactionStarting: secondClaiming.SetResult));
        await secondClaiming.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        release.SetResult();

        return (await first.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken),
            await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    private static Func<IResult> Created(int id) => () => TypedResults.Created($"{Path}/{id}", new Thing(id, $"thing {id}"));

    private Task<Answer> SendAsync<TResult>(string? key, Func<TResult> answer, string body = "{}", string? path = null, string query = "",
        string method = "POST", Caller? caller = null) =>
        SendAsync(key, _ => Task.FromResult<object?>(answer()), body, path, query, method, caller);

    /// <summary>One request through the filter, its handler <paramref name="handle"/> (counted in <see cref="_runs"/>)
    /// working on the request's DbContext, and the answer executed into the response.</summary>
    private async Task<Answer> SendAsync(string? key, Func<KeysDb, Task<object?>> handle, string body = "{}", string? path = null,
        string query = "", string method = "POST", Caller? caller = null, Action? onTransactionStarting = null)
    {
        await using var db = NewDb(onTransactionStarting);
        var filter = new IdempotencyFilter<KeysDb>(db, caller ?? Ada, TimeProvider.System, _services.GetRequiredService<IOptions<JsonOptions>>());
        var http = new DefaultHttpContext { RequestServices = _services };
        http.Request.Method = method;
        http.Request.Path = path ?? Path;
        http.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Request.ContentType = "application/json";
        if (key is not null)
        {
            http.Request.Headers[IdempotencyFilter.Header] = key;
        }

        http.Response.Body = new MemoryStream();

        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ =>
        {
            Interlocked.Increment(ref _runs);
            return new ValueTask<object?>(handle(db));
        });
        await ((IResult)result!).ExecuteAsync(http);

        http.Response.Body.Position = 0;
        return new Answer(http.Response.StatusCode, await new StreamReader(http.Response.Body).ReadToEndAsync(), http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            http.Response.Headers[IdempotencyFilter.ReplayedHeader] == "true", http.Response.ContentType);
    }

    private KeysDb NewDb(Action? onTransactionStarting = null)
    {
        var options = new DbContextOptionsBuilder<KeysDb>().UseSqlite($"Data Source={_file}");
        if (onTransactionStarting is not null)
        {
            options.AddInterceptors(new TransactionStartingSignal(onTransactionStarting));
        }

        return new KeysDb(options.Options);
    }

    private sealed record Answer(int Status, string Body, string? Location, bool Replayed, string? ContentType);

    private sealed record Caller(string Tenant, string ActorId) : ITenantContext
    {
        public string TenantId => Tenant;

        public Actor Actor => new(ActorKind.Person, ActorId, ActorId);

        public string? CustomerId => null;

        public PlatformIdentity Identity => new(Tenant, Actor);
    }

    public enum ThingKind
    {
        SparePart,
    }

    public sealed record Thing(int Id, string Name, ThingKind Kind = ThingKind.SparePart);

    public sealed record Credential(string Id, string? Secret) : IHoldsSecret
    {
        public object WithoutSecret() => this with { Secret = null };
    }

    public sealed class KeysDb(DbContextOptions<KeysDb> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.AddIdempotencyTable();
            modelBuilder.Entity<Thing>().Property(thing => thing.Id).ValueGeneratedNever();
        }
    }

    private sealed class TransactionStartingSignal(Action signal) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            signal();
            return base.TransactionStartingAsync(connection, eventData, result, cancellationToken);
        }
    }
}
