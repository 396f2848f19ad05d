using EscalationPlatform.Contracts;
using Insights.Domain;

namespace Insights.UnitTests;

/// <summary>Error signatures, trends, repeat customers, backlog ages, ratings and the tenant's thresholds.</summary>
public sealed class SmallRulesTests
{
    [Fact]
    public void An_error_signature_masks_what_differs_between_occurrences()
    {
        var first = ErrorSignature.Of("Payment 4711 failed at 2026-11-30T10:15:02Z: txn 0f8fad5b-d9cb-469f-a165-70867728950e, ref 0x7ffe12ab, hash deadbeef99");
        var second = ErrorSignature.Of("Payment 12 failed at 2026-12-01 08:00:00+01:00:  txn 7c9e6679-7425-40de-944b-e07fc1f90ae7, ref 0x1, hash 00c0ffee11");

        Assert.Equal("payment <n> failed at <time>: txn <id>, ref <hex>, hash <hex>", first);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("2026-11-30T10:15:02Z ERROR [worker-7] Payment 4711 declined by gateway")]
    [InlineData("2026-11-30 10:15:02.123+01:00 [error] Payment 4711 declined by gateway")]
    [InlineData("2026-11-30T10:15:02Z fail: Payment 4711 declined by gateway")]
    [InlineData("2026-11-30T10:15:02Z [pool-1-thread-3] - Payment 4711 declined by gateway")]
    [InlineData("Payment 4711 declined by gateway")]
    public void A_log_line_s_time_level_and_thread_are_not_part_of_the_error(string quoted) =>
        Assert.Equal("payment <n> declined by gateway", ErrorSignature.Of(quoted));

    [Fact]
    public void A_time_inside_the_message_stays()
    {
        Assert.Equal("token expired at <time>", ErrorSignature.Of("Token expired at 2026-11-30T10:15:02Z"));
        Assert.Equal("error budget exhausted", ErrorSignature.Of("Error budget exhausted"));
        Assert.Null(ErrorSignature.Of("2026-11-30T10:15:02Z ERROR"));
    }

    [Fact]
    public void An_error_signature_keeps_words_and_is_bounded()
    {
        Assert.Equal("connection refused by upstream", ErrorSignature.Of("  Connection\trefused   by UPSTREAM "));
        Assert.Null(ErrorSignature.Of("   "));
        Assert.Equal(ErrorSignature.MaxLength, ErrorSignature.Of(new string('x', 100_000))!.Length);
        Assert.Equal("a b", ErrorSignature.Of("a\u0001b"));
    }

    [Fact]
    public void A_category_trends_when_it_grows_to_twice_its_baseline_and_at_least_three()
    {
        Assert.True(Trends.Of(6, [2, 3, 3, 4]).Trending);
        Assert.False(Trends.Of(5, [2, 3, 3, 4]).Trending);
        Assert.False(Trends.Of(2, [0, 0, 1, 0]).Trending);
        var brandNew = Trends.Of(3, [0, 0, 0, 0]);
        Assert.True(brandNew.Trending);
        Assert.True(double.IsPositiveInfinity(brandNew.Growth));
        Assert.Equal(3, Trends.Of(6, [2, 3, 3, 4]).Baseline);
    }

    [Theory]
    [InlineData(2, false, false)]
    [InlineData(3, true, true)]
    [InlineData(4, true, false)]
    [InlineData(6, true, true)]
    [InlineData(9, true, false)]
    [InlineData(12, true, true)]
    public void A_customer_escalates_repeatedly_from_the_threshold_and_is_announced_each_time_the_count_doubles(int count, bool repeating, bool announce)
    {
        Assert.Equal(repeating, RepeatCustomers.Repeating(count, InsightSettings.Default));
        Assert.Equal(announce, RepeatCustomers.Announce(count, InsightSettings.Default));
    }

    [Theory]
    [InlineData(59, "under-1h")]
    [InlineData(60, "1h-4h")]
    [InlineData(60 * 24, "1d-3d")]
    [InlineData(60 * 24 * 31, "over-30d")]
    public void Open_cases_fall_into_age_buckets(int minutes, string bucket)
    {
        Assert.Equal(bucket, BacklogAges.Of(TimeSpan.FromMinutes(minutes)));
        Assert.True(BacklogAges.IsBucket(bucket));
    }

    [Fact]
    public void A_rating_is_a_score_from_one_to_five_with_a_bounded_comment()
    {
        Assert.Empty(CsatRules.Problems(5, "great"));
        Assert.Equal(["score"], CsatRules.Problems(0, null).Keys);
        Assert.Equal(["score"], CsatRules.Problems(null, null).Keys);
        Assert.Equal(["comment"], CsatRules.Problems(3, new string('x', CsatRules.MaxComment + 1)).Keys);
    }

    [Fact]
    public void Settings_out_of_range_name_each_field()
    {
        Assert.Empty(InsightSettings.Default.Problems());
        var problems = (InsightSettings.Default with { BounceAfter = 0, TooLatePercent = 101, RepeatWindowDays = 400 }).Problems();

        Assert.Equal(["bounceAfter", "repeatWindowDays", "tooLatePercent"], problems.Keys.Order());
        Assert.Contains("from 1 to 50", problems["bounceAfter"]);
    }
}

/// <summary>The customer's rating link: signed, bound to one case of one tenant, and expiring.</summary>
public sealed class RatingLinkTests
{
    private static readonly byte[] Key = RatingLink.KeyFrom("trust-key");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Case = Guid.Parse("019ad1c4-0000-7000-8000-000000000001");

    [Fact]
    public void A_link_says_its_tenant_and_case_until_it_expires()
    {
        var token = RatingLink.Token("acme", Case, Now.AddDays(14), Key);

        var read = RatingLink.Read(token, Key, Now.AddDays(13));
        Assert.Null(read.Refusal);
        Assert.Equal(("acme", Case), (read.TenantId, read.EscalationId));
        Assert.Equal("This rating link has expired.", RatingLink.Read(token, Key, Now.AddDays(15)).Refusal);
    }

    [Fact]
    public void A_changed_or_foreign_link_is_refused()
    {
        var token = RatingLink.Token("acme", Case, Now.AddDays(14), Key);
        var parts = token.Split('.');
        var otherTenant = RatingLink.Token("globex", Case, Now.AddDays(14), Key).Split('.')[1];

        Assert.NotNull(RatingLink.Read($"{parts[0]}.{otherTenant}.{parts[2]}", Key, Now).Refusal);
        Assert.NotNull(RatingLink.Read(token, RatingLink.KeyFrom("another-key"), Now).Refusal);
        Assert.NotNull(RatingLink.Read("c1.abc", Key, Now).Refusal);
        Assert.NotNull(RatingLink.Read(null, Key, Now).Refusal);
        Assert.NotNull(RatingLink.Read("c1.%%%.!!!", Key, Now).Refusal);
    }
}
