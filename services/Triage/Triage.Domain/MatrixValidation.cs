using System.Text.RegularExpressions;

namespace Triage.Domain;

/// <summary>The rules a matrix must follow before it is saved. Errors are keyed by field path.</summary>
public static partial class MatrixValidation
{
    public const int MaxRules = 200;
    public const int MaxDescription = 500;

    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<MatrixRule> rules)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string path, string message) => (errors.TryGetValue(path, out var list) ? list : errors[path] = []).Add(message);

        if (rules.Count == 0)
        {
            Add("rules", "a matrix needs at least one rule");
        }

        if (rules.Count > MaxRules)
        {
            Add("rules", $"at most {MaxRules} rules");
        }

        foreach (var (rule, index) in rules.Select((rule, index) => (rule, index)))
        {
            var path = $"rules[{index}]";
            if (!RuleId().IsMatch(rule.Id))
            {
                Add($"{path}.id", "lowercase letters, digits and dashes, 1 to 64 characters");
            }

            if (rules.Take(index).Any(earlier => earlier.Id == rule.Id))
            {
                Add($"{path}.id", $"'{(rule.Id.Length > 64 ? rule.Id[..64] : rule.Id)}' is used by an earlier rule");
            }

            if (string.IsNullOrWhiteSpace(rule.Description) || rule.Description.Length > MaxDescription)
            {
                Add($"{path}.description", $"required, at most {MaxDescription} characters");
            }

            foreach (var fact in rule.When.Facts().Distinct())
            {
                if (fact.StartsWith("sentiment", StringComparison.OrdinalIgnoreCase))
                {
                    Add($"{path}.when", "sentiment cannot decide severity: loud customers do not raise it");
                }
                else if (!FactSheet.Known.ContainsKey(fact))
                {
                    Add($"{path}.when", $"unknown fact '{fact}' (known: {string.Join(", ", FactSheet.Known.Keys)})");
                }
            }
        }

        return errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RuleId();
}
