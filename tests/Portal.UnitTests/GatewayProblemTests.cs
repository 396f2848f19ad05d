using System.Net;
using System.Text;
using EscalationPlatform.Portal.Gateway;

namespace Portal.UnitTests;

public sealed class GatewayProblemTests
{
    private static Task<GatewayProblem> Read(HttpStatusCode status, string body, string mediaType) =>
        GatewayProblem.ReadAsync(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) },
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Problem_details_give_the_title_the_detail_and_each_fields_messages()
    {
        var problem = await Read(HttpStatusCode.BadRequest, """
            {"type":"about:blank","title":"The request is not valid","status":400,"detail":"Fix the fields below.",
             "errors":{"rootCause":["is required for S1 and S2"],"customer.tier":["must be one of standard, premium, strategic"],"odd":"not a list"}}
            """, "application/problem+json");

        Assert.Equal(400, problem.Status);
        Assert.Equal("The request is not valid", problem.Title);
        Assert.Equal("Fix the fields below.", problem.Message);
        Assert.Equal("is required for S1 and S2", problem.For("rootCause"));
        Assert.Equal("must be one of standard, premium, strategic", problem.For("customer"));
        Assert.Null(problem.For("odd"));
        Assert.Null(problem.For("summary"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_leaves_the_status_to_speak()
    {
        var problem = await Read(HttpStatusCode.BadGateway, "<html>upstream down</html>", "text/html");

        Assert.Equal(502, problem.Status);
        Assert.Equal("BadGateway", problem.Message);
        Assert.Empty(problem.Errors);
    }

    [Fact]
    public async Task A_body_that_claims_json_but_is_not_leaves_the_status_to_speak()
    {
        var problem = await Read(HttpStatusCode.NotFound, "not json {", "application/problem+json");

        Assert.Equal(404, problem.Status);
        Assert.Equal("This was not found: it may not exist, or belong to another tenant.", problem.Message);
    }

    [Fact]
    public async Task An_empty_body_leaves_the_status_to_speak()
    {
        var problem = await GatewayProblem.ReadAsync(new HttpResponseMessage(HttpStatusCode.Forbidden), TestContext.Current.CancellationToken);

        Assert.Equal("You are not allowed to do this.", problem.Message);
    }

    [Theory]
    [InlineData("rootCause")]
    [InlineData("RootCause")]
    [InlineData("ROOTCAUSE")]
    public void A_field_is_found_whatever_its_case(string field)
    {
        var problem = Problem(400, ("rootcause", ["is required"]));

        Assert.Equal("is required", problem.For(field));
    }

    [Fact]
    public void A_field_collects_the_messages_of_its_nested_fields_but_not_of_fields_that_only_start_alike()
    {
        var problem = Problem(400, ("impact.affectedCount", ["must be a whole number"]), ("impactful", ["other"]));

        Assert.Equal("must be a whole number", problem.For("impact"));
        Assert.Equal("must be a whole number", problem.For("Impact.AffectedCount"));
        Assert.Null(problem.For("impact.scope"));
        Assert.Null(problem.For("imp"));
    }

    [Fact]
    public void Several_messages_for_a_field_are_shown_together()
    {
        var problem = Problem(400, ("summary", ["is required", "must be at most 4000 characters"]));

        Assert.Equal("is required must be at most 4000 characters", problem.For("summary"));
    }

    [Theory]
    [InlineData(401, "Your session has ended: sign in again.")]
    [InlineData(403, "You are not allowed to do this.")]
    [InlineData(404, "This was not found: it may not exist, or belong to another tenant.")]
    [InlineData(409, "This cannot be done in the case's current state.")]
    [InlineData(429, "Too many requests: wait a moment and try again.")]
    [InlineData(503, "A part of the platform is unavailable: try again in a moment.")]
    [InlineData(418, "The title")]
    public void Without_a_detail_the_message_says_what_the_status_means(int status, string expected) =>
        Assert.Equal(expected, new GatewayProblem(status, "The title", null, new Dictionary<string, string[]>()).Message);

    [Fact]
    public void The_services_own_detail_wins_over_the_statuss_meaning() =>
        Assert.Equal("Only the owner may resolve.", new GatewayProblem(403, "Forbidden", "Only the owner may resolve.", new Dictionary<string, string[]>()).Message);

    [Fact]
    public void An_unreachable_platform_is_a_503_that_says_why()
    {
        var problem = GatewayProblem.Unreachable("Connection refused");

        Assert.Equal(503, problem.Status);
        Assert.Equal("Connection refused", problem.Message);
    }

    private static GatewayProblem Problem(int status, params (string Field, string[] Messages)[] errors) =>
        new(status, "Problem", null, errors.ToDictionary(error => error.Field, error => error.Messages));
}
