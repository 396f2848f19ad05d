using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Shared;

namespace Portal.UnitTests;

public sealed class DocumentEditorTests : PortalContext
{
    private const string Path = "/api/v1/triage/matrix";

    private IRenderedComponent<DocumentEditor> RenderEditor(Func<HttpResponseMessage> answer)
    {
        Gateway.On(HttpMethod.Get, Path, answer);
        return Render<DocumentEditor>(parameters => parameters.Add(editor => editor.Path, Path).Add(editor => editor.Property, "rules"));
    }

    private static bool Disabled(IRenderedComponent<DocumentEditor> editor) =>
        editor.Find("textarea").HasAttribute("disabled") && editor.Find("[data-testid=save]").HasAttribute("disabled");

    [Fact]
    public void The_document_read_is_shown_with_its_version_and_can_then_be_edited_and_saved()
    {
        var editor = RenderEditor(StubGateway.Json("""{"version":4,"rules":[{"id":"s1-outage"}]}"""));

        editor.WaitForAssertion(() => Assert.Equal("Version 4 is in force.", editor.Find("[data-testid=document-version]").TextContent.Trim()));
        Assert.Contains("s1-outage", editor.Find("textarea").GetAttribute("value") ?? editor.Find("textarea").TextContent, StringComparison.Ordinal);
        Assert.False(Disabled(editor));
    }

    [Fact]
    public void A_document_that_cannot_be_read_is_not_editable_and_says_why()
    {
        var editor = RenderEditor(StubGateway.Status(HttpStatusCode.ServiceUnavailable));

        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[data-testid=problem]")));
        Assert.True(Disabled(editor)); // nothing typed here could overwrite a document never seen
    }

    [Fact]
    public void A_save_sends_back_the_version_read_and_then_the_version_saved()
    {
        const string Team = "/api/v1/routing/teams/support";
        Gateway.On(HttpMethod.Get, Team, StubGateway.Json("""{"id":"support","name":"Support"}""", etag: "\"41\""));
        Gateway.On(HttpMethod.Put, Team, StubGateway.Json("""{"id":"support","name":"Support desk"}""", etag: "\"42\""));
        var editor = Render<DocumentEditor>(parameters => parameters.Add(editor => editor.Path, Team));
        editor.WaitForAssertion(() => Assert.False(Disabled(editor)));

        editor.Find("[data-testid=save]").Click();
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[data-testid=saved]")));
        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.Equal(["\"41\"", "\"42\""], Gateway.Requests.Where(request => request.Method == HttpMethod.Put).Select(request => request.IfMatch)));
    }

    [Fact]
    public void A_document_that_does_not_exist_yet_starts_from_its_template_and_is_created_without_a_version()
    {
        const string Team = "/api/v1/routing/teams/new-desk";
        Gateway.On(HttpMethod.Get, Team, StubGateway.Status(HttpStatusCode.NotFound));
        Gateway.On(HttpMethod.Put, Team, StubGateway.Json("""{"id":"new-desk"}""", HttpStatusCode.Created, etag: "\"1\""));
        var editor = Render<DocumentEditor>(parameters => parameters.Add(editor => editor.Path, Team).Add(editor => editor.Template, """{"name":"new-desk"}"""));
        editor.WaitForAssertion(() => Assert.False(Disabled(editor)));
        Assert.Empty(editor.FindAll("[data-testid=problem]"));

        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[data-testid=saved]")));
        var put = Assert.Single(Gateway.Requests, request => request.Method == HttpMethod.Put);
        Assert.Null(put.IfMatch);
        Assert.Contains("new-desk", put.Body, StringComparison.Ordinal);
    }
}
