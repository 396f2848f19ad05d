using EscalationPlatform.Harness.Portal;

namespace EndToEnd.Tests.Portal;

/// <summary>One browser for the portal's test class, launched and closed by xunit.</summary>
public sealed class PortalBrowserFixture : PortalBrowser, IAsyncLifetime;
