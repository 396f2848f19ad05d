using System.Text.Json;
using EscalationPlatform.Web.Validation;

namespace Triage.Api.Configuration;

/// <summary>A document is an object of known members: anything else is named back, not silently dropped.</summary>
public static class DocumentShape
{
    public static bool Members(JsonElement document, ValidationErrors errors, params string[] known)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add("document", $"must be an object with {string.Join(", ", known)}");
            return false;
        }

        foreach (var member in document.EnumerateObject().Where(member => !known.Contains(member.Name, StringComparer.Ordinal)))
        {
            errors.Add(member.Name.Length > 64 ? member.Name[..64] : member.Name, $"not part of the document (it has {string.Join(", ", known)})");
        }

        return errors.IsValid;
    }
}
