using Microsoft.Playwright;

namespace EscalationPlatform.Harness.Portal;

/// <summary>Debian's Chromium driven by Playwright (its own browser download is not available here), headless, one
/// browser for a test class and a fresh context (cookies, storage) per person signed in. Call
/// <see cref="InitializeAsync"/> first (a test framework's fixture does: the end-to-end tests' PortalBrowserFixture).</summary>
public class PortalBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Chromium's background connections are refused by a closed network, many at a time: none are made.</summary>
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private const float ActionTimeout = 20_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (./test.sh does).");
        }

        // What a page shows after a command has often travelled the message path (a service, the broker, the change
        // feed): expectations wait as long as actions do, not Playwright's 5 s, so a busy machine is not a failure.
        Assertions.SetDefaultExpectTimeout(ActionTimeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = Arguments });
    }

    /// <summary>A new browser context (cookies, storage) on the portal, in a time zone other than UTC (the portal shows
    /// times in the viewer's).</summary>
    public async Task<IPage> NewPageAsync(Uri portal)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = portal.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1280, Height = 800 },
            TimezoneId = "Europe/Berlin",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ActionTimeout);
        return page;
    }

    /// <summary>A new browser context signed in through the development sign-in page as the person and role given.</summary>
    public async Task<IPage> SignInAsync(Uri portal, string tenant, string person, string role, string? returnPath = null)
    {
        var page = await NewPageAsync(portal);
        await page.GotoAsync(returnPath ?? "/");
        await page.Locator("#tenant").FillAsync(tenant);
        await page.Locator("#person").FillAsync(person);
        await page.Locator("#role").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
