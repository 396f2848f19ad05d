using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EscalationPlatform.Data;

/// <summary>A value kept whole in a jsonb column, written as the web writes it. Compared by its JSON, so a list changed
/// in place is saved and an equal one read back is not.</summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            value => Json<T>.Write(value),
            json => Json<T>.Read(json),
            new ValueComparer<T>((one, other) => Json<T>.Write(one!) == Json<T>.Write(other!), value => Json<T>.Write(value).GetHashCode(StringComparison.Ordinal),
                value => Json<T>.Read(Json<T>.Write(value))));

    private static class Json<T> where T : class
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

        public static string Write(T value) => JsonSerializer.Serialize(value, Options);

        public static T Read(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
    }
}
