using EscalationPlatform.Contracts;

namespace EscalationPlatform.Web.Actors;

/// <summary>The actor of a request when the gateway names none (an anonymous portal user).</summary>
public static class RequestActor
{
    public static readonly Actor Anonymous = new(ActorKind.Person, "anonymous", "Anonymous portal user");
}
