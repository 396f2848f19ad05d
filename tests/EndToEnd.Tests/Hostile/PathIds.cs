namespace EndToEnd.Tests.Hostile;

/// <summary>Values for the path parameters of the API: whose escalation, webhook subscription, delivery or credential
/// an operation's "{id}" names, the error-queue endpoint of the operations routes, and the team a directory route names
/// the customer a customer route names, the known error a knowledge route names, the problem record a problem route names, and the schedule and escalation policy (seeded ones: replacing or removing them without If-Match is refused, so the
/// probes leave them as they are).</summary>
public sealed record PathIds(
    Guid Escalation, Guid Webhook, Guid Delivery, Guid Credential, string Endpoint = "hostile-none", string Team = "technical-support",
    string Customer = SeededTenant.Customer, string Schedule = "technical-support-on-call", string Policy = "major-incident",
    string ProvisionedTenant = "e2e-hostile-provisioned", string Article = SeededTenant.Article, Guid? Problem = null)
{
    public static PathIds Of(SeededTenant tenant) => new(tenant.Escalation, tenant.Webhook, tenant.Delivery, tenant.WriteKey.Id, Problem: tenant.Problem);

    /// <summary>Ids of nothing at all.</summary>
    public static PathIds Nobody() =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Article: "nobody-known-error", Problem: Guid.CreateVersion7());

    public string For(ApiOperation operation, ApiParameter parameter) => parameter.Name == "endpoint" ? Endpoint
        : parameter.Name == "teamId" ? Team
        : parameter.Name == "customerId" ? Customer
        : parameter.Name == "scheduleId" ? Schedule
        : parameter.Name == "policyId" ? Policy
        : parameter.Name == "tenantId" ? ProvisionedTenant
        : parameter.Name == "articleId" ? Article
        : parameter.Name == "problemId" ? (Problem ?? Guid.Empty).ToString()
        : parameter.Name == "version" ? "1"
        : operation.Template.Contains("/webhooks/", StringComparison.Ordinal) ? Webhook.ToString()
        : operation.Template.Contains("/api-keys/", StringComparison.Ordinal) ? Credential.ToString()
        : operation.Template.StartsWith("/api/v1/notifications/{", StringComparison.Ordinal) ? Delivery.ToString()
        : Escalation.ToString();

    public string Fill(ApiOperation operation) => operation.Fill(parameter => For(operation, parameter));
}
