using EscalationPlatform.Contracts;

namespace Routing.Domain;

/// <summary>The skills a case needs, for the skills-match strategy: its product area, its issue type ("billing") and
/// its tags, each in lowercase. A member's skills match them regardless of case.</summary>
public static class RequiredSkills
{
    public static IReadOnlySet<string> Of(CaseFacts facts)
    {
        var skills = new SortedSet<string>(StringComparer.Ordinal) { WireNames<IssueType>.Name(facts.IssueType) };
        foreach (var skill in facts.Tags.Append(facts.ProductArea))
        {
            if (!string.IsNullOrWhiteSpace(skill))
            {
                skills.Add(skill.Trim().ToLowerInvariant());
            }
        }

        return skills;
    }

    /// <summary>How many of the needed skills the member has.</summary>
    public static int Overlap(IReadOnlySet<string> required, IEnumerable<string> skills) =>
        skills.Select(skill => skill.Trim().ToLowerInvariant()).Distinct().Count(required.Contains);
}
