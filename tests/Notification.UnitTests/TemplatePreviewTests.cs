using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notification.Api.Endpoints;

namespace Notification.UnitTests;

/// <summary>The template preview on a real server: the built-in templates of the deflection and the problem notices
/// render with the sample case, for those they are written for.</summary>
public sealed class TemplatePreviewTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // nothing from the test folder (the service's appsettings.json)
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        TemplatePreviewEndpoint.Map(_app.MapGroup("/templates"));
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("deflected", "customer", "Route EU checkout traffic through the US endpoint")]
    [InlineData("deflected", "submitter", "Checkout 502 behind the EU load balancer (KE-311)")]
    [InlineData("problem-raised", "leadership", "ESC-1047 \"Payments time out at checkout\"")]
    [InlineData("problem-fixed", "customer", "is fixed in 4.2.1")]
    public async Task The_new_notices_preview_with_the_sample(string notice, string role, string expected)
    {
        var response = await _client.PostAsJsonAsync("/templates/preview", new { @event = notice, role }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(expected, preview.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_problem_raised_preview_links_to_the_problem_not_a_case()
    {
        var request = new { @event = "problem-raised", role = "leadership" };

        var response = await _client.PostAsJsonAsync("/templates/preview", request, TestContext.Current.CancellationToken);

        var html = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("html").GetString();
        Assert.Contains("/problems/", html);
        Assert.Contains("Open the problem", html);
        Assert.DoesNotContain("/cases/", html);
    }
}
