using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EscalationPlatform.ServiceDefaults;

/// <summary>Turns a <see cref="JsonException"/> into the field it is about and a message in plain words. The
/// serializer's messages name .NET types ("could not be converted to System.Nullable`1[…IssueType]"); a client
/// learns what the field expects instead ("one of technical, billing, …"), and no type name leaves the service.</summary>
public static partial class JsonErrors
{
    private static readonly ConcurrentDictionary<(string Type, string Member, JsonSerializerOptions? Options), string> Expectations = new();

    /// <summary>The field's path as the APIs name fields (customer.tier, tags[2]); <paramref name="whole"/> when the
    /// error is about the whole document.</summary>
    public static string Field(JsonException error, string whole = "body") =>
        error.Path?.TrimStart('$').TrimStart('.') is { Length: > 0 } path ? path : whole;

    /// <summary>The field's path inside a JSON document carried in the field <paramref name="document"/> (a gRPC
    /// message's escalation_json): escalation_json.customer.tier.</summary>
    public static string Field(string document, JsonException error) => Field(error, whole: "") switch
    {
        "" => document,
        ['[', ..] and var index => document + index,
        var path => $"{document}.{path}",
    };

    /// <summary>What is wrong, in words. <paramref name="options"/> are the options the body was read with: enum
    /// values are listed as those options write them.</summary>
    public static string Describe(JsonException error, JsonSerializerOptions? options = null)
    {
        var message = error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            var member = MemberName().Match(error.Path ?? "").Groups["name"].Value;
            return "must be " + Expectations.GetOrAdd((converted.Groups["type"].Value, member, options), key => Expect(key.Type, key.Member, key.Options));
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"required fields are missing: {missing.Groups["names"].Value}";
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known field";
        }

        if (message.Contains("doesn't allow", StringComparison.Ordinal) && message.Contains("null", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return "is given more than once";
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return "is nested too deeply";
        }

        // Reader errors ("'x' is an invalid start of a value.") say nothing about types; anything else that names one is replaced.
        return message.Length == 0 || TypeName().IsMatch(message) ? "is not valid JSON for this field" : message;
    }

    private static string Expect(string typeName, string member, JsonSerializerOptions? options)
    {
        var name = Nullable().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName;
        if (name.EndsWith("[]", StringComparison.Ordinal) || Collection().IsMatch(name))
        {
            return "a list";
        }

        if (Map().IsMatch(name))
        {
            return "an object";
        }

        return Find(name) is { } type ? Expect(ConstructorParameter(type, member) ?? type, options) : "a value of another kind";
    }

    private static string Expect(Type type, JsonSerializerOptions? options) => type switch
    {
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetValues(type).Cast<object>().Select(value => EnumName(value, options))),
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(string) || type == typeof(char) => "text",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO-8601 date and time such as 2026-11-29T10:00:00Z",
        _ when type == typeof(TimeSpan) => "a duration such as 00:15:00",
        _ when type == typeof(DateOnly) => "a date such as 2026-12-24",
        _ when type == typeof(TimeOnly) => "a time such as 09:00",
        _ when type == typeof(Guid) => "an id (UUID)",
        _ when type == typeof(Uri) => "a URL",
        _ when type.IsArray || (type != typeof(string) && type.GetInterfaces().Any(IsEnumerable) && !type.GetInterfaces().Any(IsDictionary)) => "a list",
        _ => "an object",
    };

    private static string EnumName(object value, JsonSerializerOptions? options)
    {
        if (options is not null)
        {
            try
            {
                if (JsonSerializer.Serialize(value, value.GetType(), options) is ['"', .. var name, '"'])
                {
                    return name;
                }
            }
            catch (NotSupportedException)
            {
                // options that cannot write the enum: fall through to the platform's spelling
            }
        }

        return JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()!);
    }

    /// <summary>A value for a constructor parameter that does not convert is reported as the declaring type
    /// ("could not be converted to Sample", path $.flag): the parameter named by the path is what was expected.</summary>
    private static Type? ConstructorParameter(Type type, string member)
    {
        var parameter = member.Length == 0 ? null : type.GetConstructors()
            .SelectMany(constructor => constructor.GetParameters())
            .FirstOrDefault(parameter => string.Equals(parameter.Name, member, StringComparison.OrdinalIgnoreCase));
        return parameter is null ? null : System.Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
    }

    private static Type? Find(string fullName) =>
        Type.GetType(fullName) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => !assembly.IsDynamic)
            .Select(assembly => assembly.GetType(fullName, throwOnError: false))
            .FirstOrDefault(type => type is not null);

    private static bool IsEnumerable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
        || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)$|\['(?<name>[^']+)'\]$")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex Nullable();

    [GeneratedRegex(@"^System\.Collections\.(Generic\.|Immutable\.|Frozen\.)?(I?List|IReadOnlyList|IEnumerable|I?Collection|IReadOnlyCollection|I?Set|IReadOnlySet|HashSet|ImmutableArray|ImmutableList)`1\[")]
    private static partial Regex Collection();

    [GeneratedRegex(@"^System\.Collections\.(Generic\.|Immutable\.|Frozen\.)?(I?Dictionary|IReadOnlyDictionary|ImmutableDictionary|SortedDictionary)`2\[")]
    private static partial Regex Map();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*\.[A-Z][A-Za-z0-9_]*|`\d")]
    private static partial Regex TypeName();
}
