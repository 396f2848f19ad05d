using System.Net.Mail;

namespace Notification.Domain;

/// <summary>What is wrong with a tenant's recipient rules, each named by its field, in words; empty when they can be
/// published. A channel's URL is checked by the caller too (against the outbound address policy).</summary>
public static class RecipientRuleChecks
{
    public static IReadOnlyDictionary<string, string[]> Check(NotificationRules rules)
    {
        var errors = new Dictionary<string, string[]>();
        if (rules.Rules is null or { Count: 0 })
        {
            errors["rules"] = ["Give at least one rule: with none, nobody would ever be told anything."];
        }
        else if (rules.Rules.Count > NotificationRules.MaxRules)
        {
            errors["rules"] = [$"At most {NotificationRules.MaxRules} rules."];
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Rules.Count; i++)
            {
                var rule = rules.Rules[i];
                if (string.IsNullOrWhiteSpace(rule.Id) || rule.Id.Length > 64 || rule.Id.Any(char.IsControl))
                {
                    errors[$"rules[{i}].id"] = ["Give each rule an id of 1 to 64 characters."];
                }
                else if (!ids.Add(rule.Id))
                {
                    errors[$"rules[{i}].id"] = [$"Another rule is already called \"{rule.Id}\"."];
                }

                if (rule.Events is null or { Count: 0 })
                {
                    errors[$"rules[{i}].events"] = [$"Name at least one event: {string.Join(", ", NoticeEvents.Names)}."];
                }
            }
        }

        if (rules.DigestMinutes is < 0 or > NotificationRules.MaxDigestMinutes)
        {
            errors["digestMinutes"] = [$"Give 0 (send each message at once) to {NotificationRules.MaxDigestMinutes} minutes."];
        }

        if (rules.Leadership.Count > NotificationRules.MaxLeadership)
        {
            errors["leadership"] = [$"At most {NotificationRules.MaxLeadership} addresses."];
        }

        for (var i = 0; i < rules.Leadership.Count; i++)
        {
            if (!IsAddress(rules.Leadership[i]))
            {
                errors[$"leadership[{i}]"] = ["Give an email address, for example leadership@example.com."];
            }
        }

        if (rules.TeamChannels.Count > NotificationRules.MaxChannels)
        {
            errors["teamChannels"] = [$"At most {NotificationRules.MaxChannels} channels."];
        }

        var teams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.TeamChannels.Count; i++)
        {
            var channel = rules.TeamChannels[i];
            if (string.IsNullOrWhiteSpace(channel.TeamId) || channel.TeamId.Length > 64 || channel.TeamId.Any(char.IsControl))
            {
                errors[$"teamChannels[{i}].teamId"] = ["Give the id of one of the tenant's teams."];
            }
            else if (!teams.Add(channel.TeamId))
            {
                errors[$"teamChannels[{i}].teamId"] = [$"Team \"{channel.TeamId}\" already has a channel: one per team."];
            }

            if (string.IsNullOrWhiteSpace(channel.Url))
            {
                errors[$"teamChannels[{i}].url"] = ["Give the channel's incoming webhook URL."];
            }
        }

        return errors;
    }

    private static bool IsAddress(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= 254 && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;
}
