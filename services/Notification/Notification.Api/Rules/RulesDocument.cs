using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.Api.Rules;

/// <summary>A tenant's recipient rules, team channels, leadership addresses and digest window as a versioned
/// document (<see cref="NotificationRules"/>, checked by <see cref="RecipientRuleChecks"/>); a channel's URL must
/// be one a webhook could be sent to (<see cref="WebhookUrlRules"/>).</summary>
public sealed class RulesDocument(OutboundAddressPolicy addresses) : IConfigDocument<NotificationRules>
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public string Name => "notification-rules";

    public string Label => "recipient rules";

    public NotificationRules Default => NotificationRules.Default;

    public NotificationRules? Read(JsonElement document, ValidationErrors errors)
    {
        NotificationRules? rules;
        try
        {
            rules = document.Deserialize<NotificationRules>(Json);
        }
        catch (JsonException error)
        {
            errors.Add(JsonErrors.Field(error, whole: "document"), JsonErrors.Describe(error, Json));
            return null;
        }

        if (rules is null)
        {
            errors.Add("document", "must be an object with rules, teamChannels, leadership and digestMinutes");
            return null;
        }

        if (rules.Rules?.Any(rule => rule is null) == true || rules.TeamChannels is null || rules.TeamChannels.Any(channel => channel is null)
            || rules.Leadership is null)
        {
            errors.Add("document", "rules, teamChannels and leadership are lists of objects (or addresses) without null items");
            return null;
        }

        var before = errors.Count;
        errors.AddAll(RecipientRuleChecks.Check(rules));
        for (var i = 0; i < rules.TeamChannels.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(rules.TeamChannels[i].Url) && WebhookUrlRules.Refusal(rules.TeamChannels[i].Url, addresses) is { } refusal)
            {
                errors.Add($"teamChannels[{i}].url", refusal);
            }
        }

        return errors.Count == before ? rules : null;
    }

    public JsonObject Write(NotificationRules value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        WebConventions.Apply(options);
        return options;
    }
}
