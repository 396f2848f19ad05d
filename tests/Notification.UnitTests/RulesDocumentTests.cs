using System.Text.Json;
using EscalationPlatform.Web.Validation;
using Notification.Api.Rules;
using Notification.Api.Webhooks;
using Notification.Domain;

namespace Notification.UnitTests;

/// <summary>A tenant's recipient rules as the API reads them: every event and role by its name, and a name that is not
/// one refused with the names there are.</summary>
public sealed class RulesDocumentTests
{
    private static readonly RulesDocument Document = new(OutboundAddressPolicy.WithAllowedNetworks(null));

    private static (NotificationRules? Rules, IDictionary<string, string[]> Errors) Read(string json)
    {
        var errors = new ValidationErrors();
        var rules = Document.Read(JsonDocument.Parse(json).RootElement, errors);
        return (rules, errors.ToDictionary());
    }

    [Fact]
    public void Rules_on_deflections_and_problems_and_for_the_submitter_are_accepted()
    {
        var (rules, errors) = Read("""
            { "rules": [
                { "id": "told-back", "events": ["deflected"], "audience": "submitter" },
                { "id": "problems", "events": ["problem-raised", "problem-fixed"], "audience": "leadership" } ] }
            """);

        Assert.Empty(errors);
        Assert.Equal([NoticeEvent.Deflected], rules!.Rules[0].Events);
        Assert.Equal(Audience.Submitter, rules.Rules[0].Audience);
        Assert.Equal([NoticeEvent.ProblemRaised, NoticeEvent.ProblemFixed], rules.Rules[1].Events);
    }

    [Fact]
    public void The_default_rules_read_back_as_written()
    {
        var (rules, errors) = Read(Document.Write(NotificationRules.Default).ToJsonString());

        Assert.Empty(errors);
        Assert.Equal(NotificationRules.Default.Rules.Select(rule => (rule.Id, string.Join(",", rule.Events), rule.Audience)),
            rules!.Rules.Select(rule => (rule.Id, string.Join(",", rule.Events), rule.Audience)));
    }

    [Fact]
    public void An_unknown_event_or_role_is_refused_naming_the_new_ones_among_those_there_are()
    {
        var (rules, errors) = Read("""{ "rules": [ { "id": "x", "events": ["problem-solved"], "audience": "owner" } ] }""");
        var (_, roleErrors) = Read("""{ "rules": [ { "id": "x", "events": ["deflected"], "audience": "reporter" } ] }""");

        Assert.Null(rules);
        var eventError = Assert.Single(errors).Value.Single();
        Assert.Contains("deflected, problem-raised, problem-fixed", eventError);
        Assert.Contains("submitter", Assert.Single(roleErrors).Value.Single());
    }

    [Fact]
    public void A_rule_without_events_is_told_the_new_events_too()
    {
        var errors = RecipientRuleChecks.Check(new NotificationRules { Rules = [new RecipientRule("x", [], Audience.Owner)] });

        Assert.Contains("problem-fixed", Assert.Single(errors).Value.Single());
    }
}
