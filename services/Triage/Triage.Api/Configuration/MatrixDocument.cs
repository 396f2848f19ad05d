using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Triage.Domain;

namespace Triage.Api.Configuration;

/// <summary>The escalation matrix as a versioned document: { "rules": [{ id, severity, description, when }] }. Its
/// version is the one each assessment names.</summary>
public sealed class MatrixDocument : IConfigDocument<EscalationMatrix>
{
    public static readonly MatrixDocument Instance = new();

    public string Name => "matrix";

    public string Label => "escalation matrix";

    public EscalationMatrix Default { get; } = DefaultMatrix.Create();

    public EscalationMatrix? Read(JsonElement document, ValidationErrors errors)
    {
        if (!DocumentShape.Members(document, errors, "rules"))
        {
            return null;
        }

        if (!document.TryGetProperty("rules", out var json))
        {
            errors.Add("rules", "required: the list of rules");
            return null;
        }

        IReadOnlyList<MatrixRule> rules;
        try
        {
            rules = MatrixJson.Read(json);
        }
        catch (MatrixFormatException error)
        {
            errors.Add(error.Path, error.Reason);
            return null;
        }

        errors.AddAll(MatrixValidation.Validate(rules));
        return errors.IsValid ? new EscalationMatrix(0, rules) : null;
    }

    public JsonObject Write(EscalationMatrix value) => new() { ["rules"] = new JsonArray([.. value.Rules.Select(MatrixJson.ToNode)]) };
}
