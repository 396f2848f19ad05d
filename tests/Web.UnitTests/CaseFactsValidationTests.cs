using EscalationPlatform.Contracts;
using EscalationPlatform.Web.Facts;
using EscalationPlatform.Web.Validation;

namespace Web.UnitTests;

public sealed class CaseFactsValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://logs.example.com/x")]
    [InlineData("/relative/path")]
    [InlineData("logs.example.com/x")]
    public void A_link_that_is_not_a_web_link_is_refused(string link)
    {
        var errors = Validate(new ContextInput { LogLinks = ["https://logs.example.com/ok", link], ScreenshotLinks = [link] });

        Assert.Equal(["must be a web link starting with http:// or https://"], errors["context.logLinks[1]"]);
        Assert.Contains("context.screenshotLinks[0]", errors.Keys);
        Assert.DoesNotContain("context.logLinks[0]", errors.Keys);
    }

    [Theory]
    [InlineData("http://grafana.internal:3000/d/abc")]
    [InlineData("https://example.com/shot.png?x=1")]
    public void Web_links_are_accepted(string link) => Assert.Empty(Validate(new ContextInput { LogLinks = [link], ScreenshotLinks = [link] }));

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", false)]
    [InlineData("2026-11-01T00:00:00Z", true)]
    [InlineData("2026-10-29T09:00:00Z", false)]
    [InlineData("2036-11-28T00:00:00Z", true)]
    [InlineData("2037-01-01T00:00:00Z", false)]
    public void A_deadline_lies_between_thirty_days_ago_and_ten_years_ahead(string deadline, bool accepted)
    {
        var errors = new ValidationErrors();
        CaseFactsInputs.ValidateUrgency(new UrgencyInput { Deadline = DateTimeOffset.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) }, errors, Now);

        Assert.Equal(accepted, errors.IsValid);
        Assert.Equal(accepted, !errors.ToDictionary().ContainsKey("urgency.deadline"));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    [InlineData(-60 * 24 * 365 * 9, true)]
    [InlineData(-60 * 24 * 365 * 11, false)]
    public void When_a_problem_was_seen_is_not_in_the_future_nor_long_ago(int minutesFromNow, bool accepted)
    {
        var at = Now.AddMinutes(minutesFromNow);
        var errors = Validate(new ContextInput { FirstSeenAt = at, DetectedAt = at });

        Assert.Equal(accepted, errors.Count == 0);
        Assert.Equal(accepted, !errors.ContainsKey("context.firstSeenAt") && !errors.ContainsKey("context.detectedAt"));
    }

    [Fact]
    public void A_submission_with_a_deadline_in_1900_is_refused_naming_the_field()
    {
        var errors = new ValidationErrors();
        CaseFactsInputs.Validate(new CaseFactsInput
        {
            IssueType = IssueType.Technical,
            Customer = new CustomerInput { Id = "acme", Name = "Acme", Tier = CustomerTier.Standard, TimeZone = "Europe/Berlin" },
            Urgency = new UrgencyInput { Deadline = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        }, errors, Now);

        Assert.Equal(["urgency.deadline"], errors.ToDictionary().Keys);
    }

    private static IDictionary<string, string[]> Validate(ContextInput context)
    {
        var errors = new ValidationErrors();
        CaseFactsInputs.ValidateContext(context, errors, Now);
        return errors.ToDictionary();
    }
}
