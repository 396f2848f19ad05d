namespace EscalationPlatform.Gateway.Identity;

/// <summary>Checks the "Auth" settings before the gateway starts: a mistake here would either lock every user out
/// or let the wrong ones in, so the gateway refuses to start and says which setting is wrong.</summary>
public static class AuthConfiguration
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static void EnsureValid(AuthOptions auth, string environmentName)
    {
        var problems = Problems(auth, environmentName);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The gateway's authentication settings are not valid: {string.Join(" ", problems)}");
        }
    }

    public static IReadOnlyList<string> Problems(AuthOptions auth, string environmentName)
    {
        List<string> problems = [];
        if (auth.DevIssuerEnabled)
        {
            DevIssuerProblems(auth, environmentName, problems);
        }

        for (var index = 0; index < auth.Issuers.Count; index++)
        {
            IssuerProblems(auth.Issuers[index], $"Auth:Issuers:{index}", problems);
        }

        var trusted = auth.Issuers.Select(issuer => issuer.Issuer).Concat(auth.DevIssuerEnabled ? [auth.Issuer] : []);
        foreach (var repeated in trusted.Where(issuer => issuer.Length > 0).GroupBy(issuer => issuer, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"The issuer '{repeated.Key}' is configured more than once (each issuer maps to one tenant).");
        }

        foreach (var repeated in auth.Issuers.Select(issuer => issuer.Name).Where(name => name.Length > 0)
                     .GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            problems.Add($"The issuer name '{repeated.Key}' is used more than once.");
        }

        return problems;
    }

    private static void DevIssuerProblems(AuthOptions auth, string environmentName, List<string> problems)
    {
        if (!string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Auth:DevIssuerEnabled is true in the '{environmentName}' environment: the development token issuer mints any role "
                + "for any tenant, so it runs in Development only. Turn it off and configure Auth:Issuers instead.");
        }

        if (!IsKeyOfAtLeast256Bits(auth.SigningKey))
        {
            problems.Add("Auth:SigningKey must be a base64 key of at least 32 bytes while Auth:DevIssuerEnabled is true.");
        }
    }

    private static void IssuerProblems(ExternalIssuerOptions issuer, string at, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(issuer.Name))
        {
            problems.Add($"{at}:Name is required.");
        }

        if (!IsHttpUrl(issuer.Issuer))
        {
            problems.Add($"{at}:Issuer must be an absolute http(s) URL (the tokens' iss), not '{issuer.Issuer}'.");
        }
        else if (issuer.MetadataAddress is not null && !IsHttpUrl(issuer.MetadataAddress))
        {
            problems.Add($"{at}:MetadataAddress must be an absolute http(s) URL, not '{issuer.MetadataAddress}'.");
        }
        else if (issuer.RequireHttpsMetadata && !issuer.DiscoveryAddress.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{at}: the discovery document {issuer.DiscoveryAddress} is not on https (RequireHttpsMetadata is true).");
        }

        if (string.IsNullOrWhiteSpace(issuer.Audience))
        {
            problems.Add($"{at}:Audience is required.");
        }

        if (!Web.Tenancy.Tenant.IsValid(issuer.Tenant))
        {
            problems.Add($"{at}:Tenant '{issuer.Tenant}' is not a tenant id (lowercase letters, digits and dashes, up to 63 characters).");
        }

        if (string.IsNullOrWhiteSpace(issuer.RoleClaim) || string.IsNullOrWhiteSpace(issuer.NameClaim))
        {
            problems.Add($"{at}:RoleClaim and {at}:NameClaim must not be blank.");
        }

        foreach (var (theirs, ours) in issuer.Roles.Where(role => !Roles.All.Contains(role.Value, StringComparer.Ordinal)))
        {
            problems.Add($"{at}:Roles:{theirs} maps to '{ours}', which is not a platform role ({string.Join(", ", Roles.All)}).");
        }

        if (issuer.ClockSkew < TimeSpan.Zero || issuer.ClockSkew > MaxClockSkew)
        {
            problems.Add($"{at}:ClockSkew must be between 0 and {MaxClockSkew.TotalMinutes} minutes.");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static bool IsKeyOfAtLeast256Bits(string? base64)
    {
        if (base64 is null)
        {
            return false;
        }

        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) && length >= 32;
    }
}
