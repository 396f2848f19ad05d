using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EscalationPlatform.Data;

/// <summary>The tenants to give demo data: those named in "Demo:Tenants" (comma-separated); in Development "demo"
/// when unset, elsewhere none unless asked.</summary>
public static class DemoTenants
{
    public static IReadOnlyList<string> Of(IConfiguration configuration, IHostEnvironment environment) =>
        (configuration["Demo:Tenants"] ?? (environment.IsDevelopment() ? "demo" : ""))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
