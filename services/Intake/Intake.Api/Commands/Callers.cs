using EscalationPlatform.Web.Tenancy;
using Intake.Domain;

namespace Intake.Api.Commands;

public static class Callers
{
    /// <summary>The caller as the case rules see them, from the identity the gateway vouched for.</summary>
    public static Caller Of(PlatformIdentity identity) =>
        new(identity.Actor, identity.HasRole("manager") || identity.HasRole("admin"), identity.CustomerId);
}
