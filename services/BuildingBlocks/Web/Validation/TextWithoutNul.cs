using System.Text.Json;
using System.Text.Json.Serialization;

namespace EscalationPlatform.Web.Validation;

/// <summary>Reads every JSON string of a request and refuses one holding the NUL character: no text field can store it
/// (PostgreSQL's text cannot), so it is the client's error, named by its field, before anything acts on it.</summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public const string Refusal = "must not contain the NUL character";

    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        return text.Contains('\0') ? throw new JsonException(Refusal) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
