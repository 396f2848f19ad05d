using EscalationPlatform.Web.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Web.UnitTests;

public sealed class PlatformPathsTests
{
    [Theory]
    [InlineData("/api/v1/intake/ops", true)]
    [InlineData("/api/v1/intake/ops/", true)]
    [InlineData("/api/v1/routing/ops/error-queues", true)]
    [InlineData("/api/v1/sla/ops/error-queues/x/replay", true)]
    [InlineData("//api//v1//intake//ops", true)]
    [InlineData("/api/v1/intake/escalations", false)]
    [InlineData("/api/v1/intake/escalations/ops", false)]
    [InlineData("/api/v1/ops", false)]
    [InlineData("/api/v1/intake/opsx", false)]
    [InlineData("/api/v1/intake/OPS/error-queues", true)]
    [InlineData("/API/v1/intake/Ops", true)]
    [InlineData("/v1/intake/ops/x", false)]
    [InlineData("/integrations/v1/ops/x", false)]
    [InlineData("/health", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    public void The_operations_surface_is_the_fourth_segment_under_api_in_any_case_as_routing_matches_it(string path, bool operations) =>
        Assert.Equal(operations, PlatformPaths.IsOperations(new PathString(path)));

    [Theory]
    [InlineData("/api/v1/intake/info", true)]
    [InlineData("/api/v1/insights/info/", true)]
    [InlineData("/api/v1/intake/Info", true)]
    [InlineData("/api/v1/intake/info/secrets", false)]
    [InlineData("/api/v1/intake/escalations/info", false)]
    [InlineData("/api/v1/info", false)]
    [InlineData("/api/v1/intake/ops", false)]
    [InlineData("/v1/intake/info/x", false)]
    [InlineData("/info", false)]
    [InlineData("", false)]
    public void Info_is_exactly_a_services_info_path_in_any_case(string path, bool info) =>
        Assert.Equal(info, PlatformPaths.IsInfo(new PathString(path)));

    [Fact]
    public void A_default_path_is_neither() =>
        Assert.False(PlatformPaths.IsOperations(default) || PlatformPaths.IsInfo(default));
}
