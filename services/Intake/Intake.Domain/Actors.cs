using EscalationPlatform.Contracts;

namespace Intake.Domain;

/// <summary>The services whose decisions intake records in the timeline.</summary>
public static class Actors
{
    public static readonly Actor Triage = Actor.Service("triage");
    public static readonly Actor Routing = Actor.Service("routing");
    public static readonly Actor Sla = Actor.Service("sla");
    public static readonly Actor Intake = Actor.Service("intake");
}
