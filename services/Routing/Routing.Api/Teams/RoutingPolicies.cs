using System.Text.Json;
using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.Api.Teams;

public static class RoutingPolicies
{
    public static AcknowledgementWindows Read(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, TimeSpan>>(json)!
            .ToDictionary(pair => Enum.Parse<Severity>(pair.Key, ignoreCase: true), pair => pair.Value));

    public static string Write(AcknowledgementWindows windows) =>
        JsonSerializer.Serialize(windows.Windows.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value));
}
