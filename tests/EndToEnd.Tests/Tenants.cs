namespace EndToEnd.Tests;

/// <summary>Each test works in a tenant of its own (seeded with the demo teams and customers), so tests neither
/// see nor disturb each other's escalations, policies, webhooks or round-robin turns.</summary>
public static class Tenants
{
    public const string MajorIncident = "e2e-major-incident";
    public const string Lifecycle = "e2e-lifecycle";
    public const string FastClocks = "e2e-fast-clocks";
    public const string MissingFacts = "e2e-missing-facts";
    public const string Idempotency = "e2e-idempotency";
    public const string AcknowledgementWindow = "e2e-ack-window";
    public const string Webhooks = "e2e-webhooks";
    public const string Grpc = "e2e-grpc";
    public const string Queue = "e2e-queue";
    public const string Access = "e2e-access";
    public const string IsolationA = "e2e-isolation-a";
    public const string IsolationB = "e2e-isolation-b";
    public const string RateLimits = "e2e-rate-limits";
    public const string Malformed = "e2e-malformed";
    public const string PagerDuty = "e2e-pagerduty";
    public const string Alertmanager = "e2e-alertmanager";
    public const string PublicGrpc = "e2e-public-grpc";
    public const string DeliveryLog = "e2e-delivery-log";
    public const string Streams = "e2e-streams";
    public const string Trust = "e2e-trust";
    public const string ExternalIssuer = "e2e-external-issuer";
    public const string Hostile = "e2e-hostile";
    public const string HostileVictim = "e2e-hostile-victim";
    public const string MatrixA = "e2e-matrix-a";
    public const string MatrixB = "e2e-matrix-b";
    public const string Storm = "e2e-storm";
    public const string StormRace = "e2e-storm-race";
    public const string ReadCache = "e2e-read-cache";
    public const string ReadCacheOther = "e2e-read-cache-other";
    public const string Portal = "e2e-portal";
    public const string PortalAdmin = "e2e-portal-admin";
    public const string SeverityChange = "e2e-severity";
    public const string Notify = "e2e-notify";
    public const string NotifyDigest = "e2e-notify-digest";
    public const string NotifyQuiet = "e2e-notify-quiet";
    public const string PortalNotify = "e2e-portal-notify";
    public const string PortalInsights = "e2e-portal-insights";

    /// <summary>A tenant nobody set up: no teams, no customers, no rules (not in <see cref="All"/>, so never seeded).</summary>
    public const string Unstaffed = "e2e-unstaffed";

    /// <summary>A tenant that describes its organisation through the directory API (never seeded either).</summary>
    public const string Directory = "e2e-directory";

    /// <summary>A tenant whose teams assign by least load and by skills, set up through the API (never seeded).</summary>
    public const string Strategies = "e2e-strategies";

    /// <summary>A tenant whose scripted day insights counts, set up through the API (never seeded).</summary>
    public const string Insights = "e2e-insights";

    /// <summary>A tenant whose customer escalates repeatedly (never seeded).</summary>
    public const string InsightsRepeat = "e2e-insights-repeat";

    /// <summary>A tenant whose customer rates a closed case (never seeded).</summary>
    public const string InsightsRating = "e2e-insights-rating";

    /// <summary>A tenant whose people hand cases to each other, set up through the API (never seeded).</summary>
    public const string Handoffs = "e2e-handoffs";

    /// <summary>A tenant with an on-call schedule across two teams, set up through the API (never seeded).</summary>
    public const string OnCall = "e2e-oncall";

    /// <summary>A tenant whose teams follow escalation policies, set up through the API (never seeded).</summary>
    public const string Policies = "e2e-policies";

    /// <summary>A tenant the platform operator provisions through the gateway (never seeded).</summary>
    public const string Provisioned = "e2e-provisioned";

    /// <summary>A tenant whose manager sets up its first team in the portal (never seeded).</summary>
    public const string PortalDirectory = "e2e-portal-directory";

    /// <summary>A tenant whose manager tries a draft matrix on its cases before publishing it (never seeded).</summary>
    public const string WhatIf = "e2e-what-if";

    /// <summary>A tenant whose SLA policy changes while cases run (never seeded).</summary>
    public const string SlaReplan = "e2e-sla-replan";

    /// <summary>A tenant whose configuration is given bad input (never seeded).</summary>
    public const string BadConfiguration = "e2e-bad-configuration";

    /// <summary>A tenant whose manager previews and publishes an SLA policy in the portal (never seeded).</summary>
    public const string PortalSla = "e2e-portal-sla";

    /// <summary>A tenant whose checklists require a screenshot (never seeded).</summary>
    public const string Checklists = "e2e-checklists";

    /// <summary>A tenant whose leads keep a knowledge base of known errors (never seeded).</summary>
    public const string Knowledge = "e2e-knowledge";

    /// <summary>Another tenant with a known error of the same message, which the first must never see (never seeded).</summary>
    public const string KnowledgeOther = "e2e-knowledge-other";

    /// <summary>A tenant whose partners post changes and deployments (never seeded).</summary>
    public const string Changes = "e2e-changes";

    /// <summary>A tenant whose knowledge base holds the labelled quality set (never seeded).</summary>
    public const string KnowledgeQuality = "e2e-knowledge-quality";

    /// <summary>A tenant whose known errors deflect cases and whose repeated errors raise problem records (never seeded).</summary>
    public const string Problems = "e2e-problems";

    public static readonly string[] All =
    [
        "demo", MajorIncident, Lifecycle, FastClocks, MissingFacts, Idempotency, AcknowledgementWindow, Webhooks, Grpc, Queue,
        Access, IsolationA, IsolationB, RateLimits, Malformed, PagerDuty, Alertmanager, PublicGrpc, DeliveryLog, Streams, Trust,
        ExternalIssuer, Hostile, HostileVictim, MatrixA, MatrixB, Storm, StormRace, ReadCache, ReadCacheOther, Portal, PortalAdmin,
        SeverityChange, Notify, NotifyDigest, NotifyQuiet, PortalNotify, PortalInsights,
    ];
}
