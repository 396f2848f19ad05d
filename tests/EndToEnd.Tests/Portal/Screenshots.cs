using Microsoft.Playwright;

namespace EndToEnd.Tests.Portal;

/// <summary>The README's pictures of the portal (docs/portal) are taken by the browser tests when PORTAL_SCREENSHOTS
/// names a folder; otherwise nothing is written.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }
}
