using EscalationPlatform.Web.Configuration;
using Triage.Api.Data;
using Triage.Domain.Knowledge;

namespace Triage.Api.Knowledge;

/// <summary>A tenant's knowledge settings (<see cref="KnowledgeSettings"/>) as a versioned document: deflection and the
/// pattern rule for problem records. A new version applies to the cases assessed and submitted after it.</summary>
public sealed class KnowledgeSettingsDocument() : SettingsDocument<KnowledgeSettings>("knowledge-settings", "knowledge settings", KnowledgeSettings.Default,
    "deflect, deflectionThreshold, problemCases, problemWindowMinutes and problemKinds", settings => settings.Problems())
{
    public static readonly KnowledgeSettingsDocument Instance = new();
}

/// <summary>The knowledge settings in force for a tenant, through the configuration store's short cache.</summary>
public sealed class TenantKnowledgeSettings(ConfigStore<TriageDbContext> store)
{
    public async Task<KnowledgeSettings> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(KnowledgeSettingsDocument.Instance, tenantId, cancellationToken)).Value;
}
