using System.Text.Json;
using System.Text.Json.Serialization;

namespace Intake.Api.Records;

/// <summary>How the record's JSON columns are written: the API's names and enum spellings, tolerant of fields
/// added or removed later.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter<EscalationPlatform.Contracts.Severity>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
