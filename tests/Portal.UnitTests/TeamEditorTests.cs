using System.Net;
using Bunit;
using EscalationPlatform.Portal.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.UnitTests;

public sealed class TeamEditorTests : PortalContext
{
    private const string Team = "/api/v1/routing/teams/support";

    private IRenderedComponent<TeamEditor> RenderEditor()
    {
        Gateway.On(HttpMethod.Get, Team, StubGateway.Json("""{"id":"support","name":"Support"}""", etag: "\"41\""));
        Gateway.On(HttpMethod.Get, Team + "/changes", StubGateway.Json("""[{"at":"2026-03-10T11:00:00Z","actorId":"mia","actorName":"Mia","change":"created","summary":"Support: 3 members"}]"""));
        var editor = Render<TeamEditor>(parameters => parameters.Add(page => page.TeamId, "support"));
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[data-testid=delete-team]")));
        return editor;
    }

    [Fact]
    public void The_teams_history_says_who_changed_it_and_how()
    {
        var editor = RenderEditor();

        editor.WaitForAssertion(() => Assert.Equal(["Mia", "created: Support: 3 members"],
            editor.Find("[data-testid=history] tbody tr").Children.Skip(1).Select(cell => cell.TextContent.Trim())));
    }

    [Fact]
    public void Deleting_asks_once_more_then_deletes_the_version_shown_and_goes_back_to_the_teams()
    {
        Gateway.On(HttpMethod.Delete, Team, StubGateway.Status(HttpStatusCode.NoContent));
        var editor = RenderEditor();

        editor.Find("[data-testid=delete-team]").Click();
        Assert.DoesNotContain(Gateway.Requests, request => request.Method == HttpMethod.Delete);
        editor.Find("[data-testid=delete-team]").Click();

        editor.WaitForAssertion(() => Assert.Equal("\"41\"", Assert.Single(Gateway.Requests, request => request.Method == HttpMethod.Delete).IfMatch));
        Assert.EndsWith("/admin/teams", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_delete_says_why()
    {
        Gateway.On(HttpMethod.Delete, Team, StubGateway.Problem(HttpStatusCode.Conflict,
            """{"title":"A routing rule sends cases to this team.","status":409,"detail":"The routing rule 'vip' sends cases to Support: change the rule first."}"""));
        var editor = RenderEditor();

        editor.Find("[data-testid=delete-team]").Click();
        editor.Find("[data-testid=delete-team]").Click();

        editor.WaitForAssertion(() => Assert.Equal("The routing rule 'vip' sends cases to Support: change the rule first.",
            editor.Find("[data-testid=delete-problem]").TextContent.Trim()));
    }
}
