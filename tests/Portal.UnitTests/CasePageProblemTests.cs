using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Pages;

namespace Portal.UnitTests;

/// <summary>A case the gateway does not show: a message in words on the page, never an exception.</summary>
public sealed class CasePageProblemTests : PortalContext
{
    private IRenderedComponent<CasePage> RenderCase(Func<HttpResponseMessage> answer)
    {
        Gateway.On(HttpMethod.Get, CaseRecords.Path, answer);
        return Render<CasePage>(parameters => parameters.Add(page => page.Id, CaseRecords.Id));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "You are not allowed to do this.")]
    [InlineData(HttpStatusCode.NotFound, "This was not found: it may not exist, or belong to another tenant.")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "A part of the platform is unavailable: try again in a moment.")]
    public void A_case_the_gateway_refuses_shows_what_the_status_means(HttpStatusCode status, string message)
    {
        var page = RenderCase(StubGateway.Status(status));

        page.WaitForAssertion(() => Assert.Equal(message, page.Find("[data-testid=problem]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=case-title]"));
        Assert.Empty(page.FindAll("[data-testid=commands]"));
    }

    [Fact]
    public void The_services_own_detail_is_shown_when_it_gave_one()
    {
        var page = RenderCase(StubGateway.Problem(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403,"detail":"Only the billing team sees billing cases."}"""));

        page.WaitForAssertion(() => Assert.Equal("Only the billing team sees billing cases.", page.Find("[data-testid=problem]").TextContent.Trim()));
    }

    [Fact]
    public void An_unreachable_gateway_says_so()
    {
        var page = RenderCase(StubGateway.Unreachable("Connection refused (gateway:443)"));

        page.WaitForAssertion(() => Assert.Equal("Connection refused (gateway:443)", page.Find("[data-testid=problem]").TextContent.Trim()));
    }

    [Fact]
    public void A_gateway_that_does_not_answer_in_time_says_so()
    {
        var page = RenderCase(() => throw new Polly.Timeout.TimeoutRejectedException());

        page.WaitForAssertion(() => Assert.Equal("The platform did not answer in time.", page.Find("[data-testid=problem]").TextContent.Trim()));
    }

    [Fact]
    public void A_success_answer_that_is_not_a_record_is_a_problem_not_an_exception()
    {
        var page = RenderCase(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>Sign in to the proxy</html>") });

        page.WaitForAssertion(() => Assert.Equal("The platform's answer could not be read: try again in a moment.", page.Find("[data-testid=problem]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=case-title]"));
    }

    [Fact]
    public void A_person_without_a_token_is_asked_to_sign_in_again_and_nothing_is_sent()
    {
        AddAuthorization().SetNotAuthorized();

        var page = RenderCase(StubGateway.Json(CaseRecords.Json(["cancel"])));

        page.WaitForAssertion(() => Assert.Equal("Your session has ended: sign in again.", page.Find("[data-testid=problem]").TextContent.Trim()));
        Assert.Empty(Gateway.Requests);
    }
}
