using Bunit;
using EscalationPlatform.Portal.Components.Pages.Admin;
using MudBlazor;

namespace Portal.UnitTests;

public sealed class KnowledgeSettingsTests : PortalContext
{
    private const string Path = "/api/v1/triage/knowledge/settings";

    [Fact]
    public void The_page_explains_every_field_and_edits_triages_knowledge_settings_document()
    {
        Gateway.On(HttpMethod.Get, Path, StubGateway.Json("""
            {"version":3,"publishedAt":"2026-03-10T11:00:00+00:00","publishedBy":"mona","reason":"deflect from 0.9","deflect":true,"deflectionThreshold":0.9,
             "problemCases":5,"problemWindowMinutes":60}
            """, etag: "\"3\""));
        Gateway.On(HttpMethod.Get, Path + "/versions", StubGateway.Json("[]"));
        Gateway.On(HttpMethod.Get, Path + "/drafts", StubGateway.Json("[]"));
        Render<MudPopoverProvider>();

        var page = Render<KnowledgeSettings>();

        page.WaitForAssertion(() => Assert.Contains("Version 3 is in force, published by mona", page.Find("[data-testid=version-in-force]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["deflect", "deflectionThreshold", "problemCases", "problemWindowMinutes", "problemKinds"],
            page.FindAll("[data-testid=knowledge-settings-fields] th").Select(field => field.TextContent));
    }
}
