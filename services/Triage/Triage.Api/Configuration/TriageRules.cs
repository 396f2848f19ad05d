using EscalationPlatform.Web.Configuration;
using Triage.Api.Data;
using Triage.Domain;

namespace Triage.Api.Configuration;

/// <summary>The tenant's matrix and checklists in force, each carrying its version.</summary>
public sealed class TriageRules(ConfigStore<TriageDbContext> store)
{
    public async Task<EscalationMatrix> MatrixAsync(string tenantId, CancellationToken cancellationToken)
    {
        var published = await store.CurrentAsync(MatrixDocument.Instance, tenantId, cancellationToken);
        return published.Value with { Version = published.Version };
    }

    public async Task<ContextChecklist> ChecklistAsync(string tenantId, CancellationToken cancellationToken) =>
        (await store.CurrentAsync(ChecklistDocument.Instance, tenantId, cancellationToken)).Value;
}
