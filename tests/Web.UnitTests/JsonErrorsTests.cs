using System.Text.Json;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Facts;

namespace Web.UnitTests;

public sealed class JsonErrorsTests
{
    private static readonly JsonSerializerOptions Api = Options();

    public sealed record Sample(
        bool? Flag = null, int? Count = null, double? Ratio = null, string? Text = null, IReadOnlyList<string>? Items = null,
        CustomerInput? Customer = null, TimeSpan? Window = null, DateOnly? Day = null, TimeOnly? At = null, Guid? Id = null,
        DateTimeOffset? When = null, Dictionary<string, string>? Labels = null, EscalationPlatform.Contracts.Severity? Severity = null);

    [Theory]
    [InlineData("""{"issueType":5}""", "issueType", "must be one of technical, billing, legal, access, security, other")]
    [InlineData("""{"issueType":"quantum"}""", "issueType", "must be one of technical, billing, legal, access, security, other")]
    [InlineData("""{"customer":{"tier":"platinum"}}""", "customer.tier", "must be one of standard, premium, strategic")]
    [InlineData("""{"impact":{"affectedCount":"many"}}""", "impact.affectedCount", "must be a whole number")]
    [InlineData("""{"impact":{"affectedCount":1e400}}""", "impact.affectedCount", "must be a whole number")]
    [InlineData("""{"urgency":{"outage":"yes"}}""", "urgency.outage", "must be true or false")]
    [InlineData("""{"urgency":{"deadline":"tomorrow"}}""", "urgency.deadline", "must be an ISO-8601 date and time such as 2026-11-29T10:00:00Z")]
    [InlineData("""{"productArea":7}""", "productArea", "must be text")]
    [InlineData("""{"tags":"a"}""", "tags", "must be a list")]
    [InlineData("""{"context":[]}""", "context", "must be an object")]
    [InlineData("""{"context":{"amount":"lots"}}""", "context.amount", "must be a number")]
    public void A_case_facts_field_of_the_wrong_kind_is_described_in_words(string json, string field, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseFactsInput>(json, Api));

        Assert.Equal(field, JsonErrors.Field(error));
        Assert.Equal(message, JsonErrors.Describe(error, Api));
    }

    [Theory]
    [InlineData("""{"flag":1}""", "true or false")]
    [InlineData("""{"count":1.5}""", "a whole number")]
    [InlineData("""{"ratio":"x"}""", "a number")]
    [InlineData("""{"text":{}}""", "text")]
    [InlineData("""{"items":{}}""", "a list")]
    [InlineData("""{"window":"soon"}""", "a duration such as 00:15:00")]
    [InlineData("""{"day":"christmas"}""", "a date such as 2026-12-24")]
    [InlineData("""{"at":"nine"}""", "a time such as 09:00")]
    [InlineData("""{"id":"not-a-guid"}""", "an id (UUID)")]
    [InlineData("""{"labels":[]}""", "an object")]
    [InlineData("""{"severity":"S9"}""", "one of S1, S2, S3, S4")]
    public void Each_kind_of_value_is_named_in_words(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>(json, Api));

        Assert.Equal("must be " + expected, JsonErrors.Describe(error, Api));
    }

    [Theory]
    [InlineData("""{"bogus":true}""", "bogus", "is not a known field")]
    [InlineData("""{"title":null}""", "title", "must not be null")]
    [InlineData("{", "body", null)]
    [InlineData("""{"title":"x",}""", "body", null)]
    public void Other_errors_never_name_a_type(string json, string field, string? message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Titled>(json, Api));
        var described = JsonErrors.Describe(error, Api);

        Assert.Equal(field, JsonErrors.Field(error).Length == 0 ? "body" : JsonErrors.Field(error));
        if (message is not null)
        {
            Assert.Equal(message, described);
        }

        Assert.DoesNotContain("System.", described, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", described, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Titled), described, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_or_key_given_twice_is_refused_by_name()
    {
        var field = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseFactsInput>("""{"productArea":"a","productArea":"b"}""", Api));
        var key = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>("""{"labels":{"monday":"a","monday":"b"}}""", Api));

        Assert.Equal("is given more than once", JsonErrors.Describe(field, Api));
        Assert.Equal("is given more than once", JsonErrors.Describe(key, Api));
        Assert.Equal("productArea", JsonErrors.Field(field));
    }

    [Fact]
    public void Missing_required_fields_are_listed_by_name()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Required>("{}", Api));

        Assert.Equal("required fields are missing: 'name'", JsonErrors.Describe(error, Api));
    }

    [Fact]
    public void A_field_inside_a_grpc_document_is_named_under_the_document()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseFactsInput>("""{"customer":{"tier":1}}""", Api));
        var whole = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseFactsInput>("{", Api));

        Assert.Equal("escalation_json.customer.tier", JsonErrors.Field("escalation_json", error));
        Assert.Equal("escalation_json", JsonErrors.Field("escalation_json", whole));
    }

    [Fact]
    public void Without_the_api_options_enum_values_are_spelled_in_kebab_case()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseFactsInput>("""{"impact":{"scope":"galaxy"}}""", Api));

        Assert.Equal("must be one of single-user, team, organisation, many-customers", JsonErrors.Describe(error));
    }

    public sealed record Titled(string Title);

    public sealed record Required
    {
        public required string Name { get; init; }
    }

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WebConventions.Apply(options);
        return options;
    }
}
