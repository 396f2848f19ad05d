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
    public async Task A_preview_that_would_deflect_the_case_says_it_would_be_sent_back_with_the_known_errors_workaround()
    {
        Gateway.On(HttpMethod.Get, "/api/v1/escalations/customers",
            StubGateway.Json("""[{"id":"acme","name":"Acme Corporation","tier":"standard","contractualSla":false,"timeZone":"UTC"}]"""));
        Gateway.On(HttpMethod.Get, "/api/v1/triage/checklists", StubGateway.Json("""{"version":1,"issueTypes":{}}"""));
        Gateway.On(HttpMethod.Post, "/api/v1/triage/preview", StubGateway.Json("""
            {"severity":"S4","rules":[],"matrixVersion":1,"missingFacts":[],"outcome":"deflected",
             "suggestions":[{"articleId":"vat-id-missing","title":"Invoice PDF fails without a VAT id","score":0.93,"reasons":["the same error message"],
                             "workaround":"Add the VAT id under Settings > Company.","status":"open","fixedInVersion":null}],
             "deflection":{"articleId":"vat-id-missing","title":"Invoice PDF fails without a VAT id","score":0.93,"workaround":"Add the VAT id under Settings > Company.",
                           "why":"matches the known error"}}
            """));
        Render<MudPopoverProvider>();
        var page = Render<NewEscalation>();
        var customer = page.FindComponents<MudSelect<string>>().Single(select => select.Instance.Label == "Customer");

        await page.InvokeAsync(() => customer.Instance.ValueChanged.InvokeAsync("acme"));

        page.WaitForAssertion(() => Assert.Contains("an S3/S4 case matching this known error will be sent back with its workaround",
            page.Find("[data-testid=preview-deflection]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/knowledge/vat-id-missing", page.Find("[data-testid=preview-deflection] a").GetAttribute("href"));
        Assert.Contains("93 %", page.Find("[data-testid=preview-deflection]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_that_routes_the_case_says_nothing_of_a_deflection()
    {
        Gateway.On(HttpMethod.Get, "/api/v1/escalations/customers",
            StubGateway.Json("""[{"id":"acme","name":"Acme Corporation","tier":"standard","contractualSla":false,"timeZone":"UTC"}]"""));
        Gateway.On(HttpMethod.Get, "/api/v1/triage/checklists", StubGateway.Json("""{"version":1,"issueTypes":{}}"""));
        Gateway.On(HttpMethod.Post, "/api/v1/triage/preview", StubGateway.Json("""
            {"severity":"S2","rules":[],"matrixVersion":1,"missingFacts":[],"outcome":"triaged","deflection":null}
            """));
        Render<MudPopoverProvider>();
        var page = Render<NewEscalation>();
        var customer = page.FindComponents<MudSelect<string>>().Single(select => select.Instance.Label == "Customer");

        await page.InvokeAsync(() => customer.Instance.ValueChanged.InvokeAsync("acme"));

        page.WaitForAssertion(() => Assert.Contains("S2", page.Find("[data-testid=preview]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=preview-deflection]"));
    }

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
