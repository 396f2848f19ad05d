using Triage.Domain.Knowledge;

namespace Triage.UnitTests.Knowledge;

public sealed class KnownErrorsTests
{
    private static KnownErrorDraft Valid() => new(
        Title: "Invoice PDF shows the old address", Symptoms: "The PDF keeps the address of before the change.",
        ErrorMessages: ["Template 4711 rendered with stale cache entry 0x7ffe12ab at 2026-11-30T10:15:02Z"], ProductArea: "billing",
        AffectedVersions: ["5.2", "5.3"], Workaround: "Clear the template cache in Settings > Billing.", Owner: "dora");

    [Fact]
    public void A_valid_article_keeps_its_messages_and_their_signatures_with_numbers_hex_and_times_masked()
    {
        var (article, problems) = KnownErrors.Check(Valid());

        Assert.Empty(problems);
        Assert.Equal(["template <n> rendered with stale cache entry <hex> at <time>"], article!.Signatures);
        Assert.Equal((KnownErrorStatus.Open, true), (article.Status, article.CanDeflect));
    }

    [Fact]
    public void Two_messages_with_the_same_signature_are_one_signature()
    {
        var (article, _) = KnownErrors.Check(Valid() with { ErrorMessages = ["Timeout after 30 s calling ledger", "Timeout after 31 s calling ledger"] });

        Assert.Equal(2, article!.ErrorMessages.Count);
        Assert.Equal(["timeout after <n> s calling ledger"], article.Signatures);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0x7ffe12ab 2026-11-30T10:15:02Z 42")]
    [InlineData("E1")]
    [InlineData("   ")]
    public void An_error_message_of_masks_alone_is_refused_for_it_would_match_any_error(string message)
    {
        var (article, problems) = KnownErrors.Check(Valid() with { ErrorMessages = ["Connection refused", message] });

        Assert.Null(article);
        Assert.StartsWith(message.Trim().Length == 0 ? "required" : "needs words beyond numbers", problems["errorMessages[1]"], StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_like_text_is_kept_as_text()
    {
        var (article, problems) = KnownErrors.Check(Valid() with { ErrorMessages = ["(a+)+$ [^x]* .*? \\d{3} failed"] });

        Assert.Empty(problems);
        Assert.Equal("(a+)+$ [^x]* .*? \\d{<n>} failed", article!.Signatures[0]);
    }

    [Fact]
    public void Each_limit_is_named_with_its_field()
    {
        var (_, problems) = KnownErrors.Check(new KnownErrorDraft(
            Title: new string('t', KnownErrors.MaxTitle + 1), Symptoms: new string('s', KnownErrors.MaxText + 1),
            ErrorMessages: [.. Enumerable.Repeat("Connection refused", KnownErrors.MaxErrorMessages + 1)],
            AffectedVersions: ["5.2\u0000"], Status: "done", Owner: ""));

        Assert.Equal("at most 200 characters", problems["title"]);
        Assert.Equal("at most 4000 characters", problems["symptoms"]);
        Assert.Equal("at most 20 error messages", problems["errorMessages"]);
        Assert.Equal("one line, without control characters", problems["affectedVersions[0]"]);
        Assert.Equal("one of open, fixed", problems["status"]);
        Assert.Equal("required", problems["owner"]);
    }

    [Fact]
    public void An_article_needs_an_error_message_or_symptoms_and_a_fixed_one_its_version()
    {
        Assert.Equal("give at least one error message, or describe the symptoms",
            KnownErrors.Check(Valid() with { ErrorMessages = [], Symptoms = null }).Problems["errorMessages"]);
        Assert.Empty(KnownErrors.Check(Valid() with { ErrorMessages = [] }).Problems);
        Assert.StartsWith("required when the status is fixed", KnownErrors.Check(Valid() with { Status = "fixed" }).Problems["fixedInVersion"], StringComparison.Ordinal);
        Assert.Equal(KnownErrorStatus.Fixed, KnownErrors.Check(Valid() with { Status = "fixed", FixedInVersion = "5.4" }).Article!.Status);
    }

    [Fact]
    public void A_huge_message_is_refused_by_its_limit_before_any_masking()
    {
        var (_, problems) = KnownErrors.Check(Valid() with { ErrorMessages = [new string('9', 1_000_000)] });

        Assert.Equal("at most 1000 characters", problems["errorMessages[0]"]);
    }
}
