using EscalationPlatform.Web.Configuration;
using Microsoft.Extensions.Options;
using Notification.Api.Data;
using Notification.Api.Projections;
using Notification.Api.Templates;
using Notification.Domain;

namespace Notification.Api.Rules;

/// <summary>A tenant's notification configuration in force: its recipient rules (<see cref="RulesDocument"/>) and
/// templates (<see cref="TemplatesDocument"/>), each read through the configuration store's short cache.</summary>
public sealed class NotificationSettings(ConfigStore<NotificationDbContext> store, RulesDocument rules, IOptions<NotificationOptions> options)
{
    public async Task<NotificationRules> RulesAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(rules, tenantId, cancellationToken)).Value;

    public async Task<MessageTemplates> TemplatesAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(TemplatesDocument.Instance, tenantId, cancellationToken)).Value;

    /// <summary>Who can be told about the escalation, as far as notification knows, under the tenant's rules.</summary>
    public CaseContacts Contacts(EscalationProjection escalation, NotificationRules tenantRules) => new()
    {
        Owner = escalation.Owner,
        TeamLead = escalation.TeamLead,
        Leadership = Leadership(escalation.TenantId, tenantRules),
        AccountTeam = escalation.AccountTeam,
        TeamChannel = tenantRules.ChannelOf(escalation.TeamId),
        Customer = escalation.CustomerEmail,
        Submitter = CaseContacts.SubmittingPerson(escalation.SubmittedBy),
    };

    /// <summary>Who "leadership" is for the tenant: its rules' addresses, or the platform's configured one.</summary>
    public IReadOnlyList<string> Leadership(string tenantId, NotificationRules tenantRules) =>
        tenantRules.Leadership.Count > 0 ? tenantRules.Leadership : [options.Value.LeadershipFor(tenantId)];
}
