using EscalationPlatform.Contracts;

namespace EscalationPlatform.Web.Tenancy;

/// <summary>Who a request acts for, as the gateway established it from the credential: the tenant (none for the
/// platform operator), the actor, the portal roles of a person, and for integrations the customer the credential is
/// bound to.</summary>
public sealed record PlatformIdentity(string TenantId, Actor Actor, string? CustomerId = null, IReadOnlyList<string>? Roles = null)
{
    /// <summary>The platform operator: no tenant, and only the operations surface.</summary>
    public static PlatformIdentity Operator(string id, string name) => new("", new Actor(ActorKind.Operator, id, name));

    public bool IsOperator => Actor.Kind == ActorKind.Operator;

    public bool HasRole(string role) => Roles?.Contains(role, StringComparer.Ordinal) == true;
}
