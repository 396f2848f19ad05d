using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Tenancy;
using Intake.Api.Caching;
using Intake.Api.Records;
using Intake.Api.Views;
using Microsoft.Extensions.Options;

namespace Intake.UnitTests;

/// <summary>The read cache's rules: it serves only what no invalidation has overtaken, only while its listener is
/// connected, starts empty on every (re)connect, and stays within its size.</summary>
public sealed class ReadCacheTests : IDisposable
{
    private const string Tenant = "t-cache";

    private readonly ReadCache _cache = Listening(new ReadCache(Options.Create(new ReadCacheOptions())));

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void A_record_read_and_kept_is_served_until_it_changes()
    {
        var record = Record();
        _cache.PutRecord(_cache.BeginRecordRead(record.CorrelationId), record, [Note(record)]);

        Assert.True(_cache.TryGetRecord(record.CorrelationId, out var cached));
        Assert.Same(record, cached.Record);
        Assert.Single(cached.Timeline);

        _cache.Invalidate(record.CorrelationId, tenant: null);
        Assert.False(_cache.TryGetRecord(record.CorrelationId, out _));
    }

    [Fact]
    public void A_read_overtaken_by_an_invalidation_of_its_record_is_not_kept()
    {
        var record = Record();
        var stamp = _cache.BeginRecordRead(record.CorrelationId);
        _cache.Invalidate(record.CorrelationId, Tenant); // the change committed while the read was on its way

        _cache.PutRecord(stamp, record, []);

        Assert.False(_cache.TryGetRecord(record.CorrelationId, out _));
        _cache.PutRecord(_cache.BeginRecordRead(record.CorrelationId), record, []); // a read begun after it is kept
        Assert.True(_cache.TryGetRecord(record.CorrelationId, out _));
    }

    [Fact]
    public void A_page_overtaken_by_a_change_in_its_tenant_is_not_kept_and_a_kept_page_goes_with_the_next_change()
    {
        var key = Page();
        var stamp = _cache.BeginListRead(Tenant);
        _cache.Invalidate(Guid.NewGuid(), Tenant);
        _cache.PutPage(stamp, key, [Line()]);
        Assert.False(_cache.TryGetPage(key, out _));

        _cache.PutPage(_cache.BeginListRead(Tenant), key, [Line()]);
        Assert.True(_cache.TryGetPage(key, out var page));
        Assert.Single(page.Lines);

        _cache.Invalidate(Guid.NewGuid(), tenant: null); // a timeline note: no page shows it
        Assert.True(_cache.TryGetPage(key, out _));
        _cache.Invalidate(Guid.NewGuid(), Tenant);
        Assert.False(_cache.TryGetPage(key, out _));
    }

    [Fact]
    public void Another_tenants_change_leaves_the_pages_alone()
    {
        var key = Page();
        _cache.PutPage(_cache.BeginListRead(Tenant), key, [Line()]);

        _cache.Invalidate(Guid.NewGuid(), "t-other");

        Assert.True(_cache.TryGetPage(key, out _));
    }

    [Fact]
    public void Pages_differ_by_customer_restriction_filter_cursor_and_limit()
    {
        var admin = new PlatformIdentity(Tenant, Cases.Manager);
        var customerBound = admin with { CustomerId = "c-1" };
        var all = new EscalationFilter(null, null, null, null, null, null, null);
        var keys = new[]
        {
            ListKey.For(admin, all, null, 20),
            ListKey.For(customerBound, all, null, 20),
            ListKey.For(admin, all with { Statuses = [EscalationStatus.Submitted] }, null, 20),
            ListKey.For(admin, all with { Team = "c-1" }, null, 20),
            ListKey.For(admin, all with { Customer = "c-1" }, null, 20),
            ListKey.For(admin, all with { OfferedTo = "c-1" }, null, 20),
            ListKey.For(admin, all with { Owner = "c-1" }, null, 20),
            ListKey.For(admin, all, Guid.NewGuid(), 20),
            ListKey.For(admin, all, null, 21),
            ListKey.For(admin with { TenantId = "t-other" }, all, null, 20),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(ListKey.For(admin, all with { Statuses = [EscalationStatus.Submitted] }, null, 20), keys[2]);
    }

    [Fact]
    public void Nothing_is_served_or_kept_before_the_listener_connects_or_after_it_is_lost()
    {
        using var cache = new ReadCache(Options.Create(new ReadCacheOptions()));
        var record = Record();
        cache.PutRecord(cache.BeginRecordRead(record.CorrelationId), record, []);
        Assert.False(cache.TryGetRecord(record.CorrelationId, out _));

        cache.Listening();
        cache.PutRecord(cache.BeginRecordRead(record.CorrelationId), record, []);
        Assert.True(cache.TryGetRecord(record.CorrelationId, out _));

        cache.Lost();
        Assert.False(cache.Serving);
        Assert.False(cache.TryGetRecord(record.CorrelationId, out _));
        cache.PutRecord(cache.BeginRecordRead(record.CorrelationId), record, []);
        Assert.False(cache.TryGetRecord(record.CorrelationId, out _));
    }

    [Fact]
    public void A_reconnect_drops_everything_including_reads_begun_before_it()
    {
        var record = Record();
        var key = Page();
        _cache.PutRecord(_cache.BeginRecordRead(record.CorrelationId), record, []);
        _cache.PutPage(_cache.BeginListRead(Tenant), key, [Line()]);
        var before = _cache.BeginRecordRead(record.CorrelationId);

        _cache.Lost();
        _cache.Listening(); // notifications may have been missed in between

        Assert.False(_cache.TryGetRecord(record.CorrelationId, out _));
        Assert.False(_cache.TryGetPage(key, out _));
        _cache.PutRecord(before, record, []);
        Assert.False(_cache.TryGetRecord(record.CorrelationId, out _));
    }

    [Fact]
    public void The_cache_keeps_no_more_than_its_size_a_record_counting_its_timeline()
    {
        using var cache = Listening(new ReadCache(Options.Create(new ReadCacheOptions { SizeLimit = 10 })));
        var records = Enumerable.Range(0, 3).Select(_ => Record()).ToList();
        foreach (var record in records)
        {
            cache.PutRecord(cache.BeginRecordRead(record.CorrelationId), record, [Note(record), Note(record), Note(record), Note(record)]); // 5 units each
        }

        Assert.True(records.Count(record => cache.TryGetRecord(record.CorrelationId, out _)) <= 2);
        var tooLong = Record();
        cache.PutRecord(cache.BeginRecordRead(tooLong.CorrelationId), tooLong, [.. Enumerable.Range(0, 10).Select(_ => Note(tooLong))]);
        Assert.False(cache.TryGetRecord(tooLong.CorrelationId, out _));
    }

    [Fact]
    public void Disabled_it_serves_nothing_even_when_told_it_is_listening()
    {
        using var cache = Listening(new ReadCache(Options.Create(new ReadCacheOptions { Enabled = false })));
        var record = Record();
        cache.PutRecord(cache.BeginRecordRead(record.CorrelationId), record, []);

        Assert.False(cache.TryGetRecord(record.CorrelationId, out _));
    }

    [Theory]
    [InlineData("0b5e3c1c-7e0f-4a53-9d0e-3f1f6f0a1b2c e2e-tenant", "e2e-tenant")]
    [InlineData("0b5e3c1c-7e0f-4a53-9d0e-3f1f6f0a1b2c", null)]
    public void A_notification_names_the_record_and_for_a_row_change_its_tenant(string payload, string? tenant)
    {
        Assert.True(ReadCacheTrigger.TryParse(payload, out var id, out var named));
        Assert.Equal(Guid.Parse("0b5e3c1c-7e0f-4a53-9d0e-3f1f6f0a1b2c"), id);
        Assert.Equal(tenant, named);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid t")]
    [InlineData("0b5e3c1c-7e0f-4a53-9d0e-3f1f6f0a1b2c ")]
    public void Anything_else_is_not_a_notification_of_the_cache(string payload) =>
        Assert.False(ReadCacheTrigger.TryParse(payload, out _, out _));

    private static ReadCache Listening(ReadCache cache)
    {
        cache.Listening();
        return cache;
    }

    private static ListKey Page() =>
        ListKey.For(new PlatformIdentity(Tenant, Cases.Manager), new EscalationFilter(null, null, null, null, null, null, null), null, 20);

    private static EscalationRecord Record()
    {
        var state = Cases.NewCase() with { Id = Guid.NewGuid(), TenantId = Tenant };
        var record = new EscalationRecord
        {
            CorrelationId = state.Id, TenantId = Tenant, Number = 1, Key = state.Key, Source = "portal", SubmittedById = state.SubmittedById,
            Title = state.Title, Facts = state.Facts, IssueType = state.Facts.IssueType, CustomerId = state.Facts.Customer.Id,
            CustomerName = state.Facts.Customer.Name, CustomerTier = state.Facts.Customer.Tier, CreatedAt = Cases.Now.UtcDateTime,
        };
        record.Apply(state);
        return record;
    }

    private static TimelineEntry Note(EscalationRecord record) =>
        new() { EscalationId = record.CorrelationId, At = Cases.Now.UtcDateTime, Actor = Cases.Manager, What = "noted" };

    private static EscalationLine Line() => EscalationLine.Of(Record());
}
