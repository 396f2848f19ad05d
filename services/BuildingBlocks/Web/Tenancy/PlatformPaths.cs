using Microsoft.AspNetCore.Http;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>The shape of the platform's paths: /api/v1/{service}/ops/... is the operations surface. Compared
/// without regard to case, as routing matches them: "/api/v1/intake/OPS/error-queues" reaches the operations
/// endpoints too.</summary>
public static class PlatformPaths
{
    public static bool IsOperations(PathString path) => Is(Segment(path, 3), "ops");

    public static bool IsInfo(PathString path) => Is(Segment(path, 3), "info") && Segments(path).Length == 4;

    private static bool Is(string? segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);

    private static string? Segment(PathString path, int index) =>
        Segments(path) is var segments && segments.Length > index && Is(segments[0], "api") ? segments[index] : null;

    private static string[] Segments(PathString path) => (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
}
