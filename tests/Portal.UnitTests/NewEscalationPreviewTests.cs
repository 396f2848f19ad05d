using Bunit;
using EscalationPlatform.Portal.Components.Pages;
using MudBlazor;

namespace Portal.UnitTests;

public sealed class NewEscalationPreviewTests : PortalContext
{
    private static Func<HttpResponseMessage> Preview(string severity, params string[] missing) => StubGateway.Json($$"""
        {"severity":"{{severity}}","rules":[],"matrixVersion":1,
         "missingFacts":[{{string.Join(',', missing.Select(fact => $$"""{"id":"{{fact}}","description":"{{fact}}"}"""))}}]}
        """);

    [Fact]
    public async Task A_slower_answer_to_an_older_form_does_not_replace_the_preview_of_the_newer_one()
    {
        var older = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Gateway.On(HttpMethod.Get, "/api/v1/escalations/customers",
            StubGateway.Json("""[{"id":"acme","name":"Acme Corporation","tier":"strategic","contractualSla":true,"timeZone":"UTC"}]"""));
        Gateway.On(HttpMethod.Get, "/api/v1/triage/checklists", StubGateway.Json("""{"version":1,"issueTypes":{}}"""));
        Gateway.OnAsync(HttpMethod.Post, "/api/v1/triage/preview", () => older.Task, () => Task.FromResult(Preview("S1")()));
        Render<MudPopoverProvider>();
        var page = Render<NewEscalation>();
        var customer = page.FindComponents<MudSelect<string>>().Single(select => select.Instance.Label == "Customer");
        var security = page.FindComponents<MudCheckBox<bool>>().Single(box => box.Instance.Label == "Security exposure");

        var first = page.InvokeAsync(() => customer.Instance.ValueChanged.InvokeAsync("acme")); // its answer is held
        await page.InvokeAsync(() => security.Instance.ValueChanged.InvokeAsync(true));
        page.WaitForAssertion(() => Assert.Contains("S1", page.Find("[data-testid=preview]").TextContent, StringComparison.Ordinal));

        older.SetResult(Preview("S3", "affected-accounts")());
        await first;

        Assert.Equal(2, Gateway.Posts.Count(request => request.Path == "/api/v1/triage/preview"));
        Assert.Contains("S1", page.Find("[data-testid=preview]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=preview-missing]"));
    }
}
