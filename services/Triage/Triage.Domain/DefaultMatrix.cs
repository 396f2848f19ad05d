using EscalationPlatform.Contracts;

namespace Triage.Domain;

/// <summary>SPEC §4's default escalation matrix, the first version every tenant starts from.</summary>
public static class DefaultMatrix
{
    private static readonly Condition NoConfirmedWorkaround = new Not(new FactIs("urgency.workaroundAvailable", true));
    private static readonly Condition NoWorkaround = new FactIs("urgency.workaroundAvailable", false);
    private static readonly Condition HasWorkaround = new FactIs("urgency.workaroundAvailable", true);

    public static EscalationMatrix Create() => new(1,
    [
        new("s1-outage-no-workaround", Severity.S1,
            "Outage, or many customers affected, and no workaround confirmed",
            new AllOf([new AnyOf([new FactIs("urgency.outage", true), new FactIn("impact.scope", ["many-customers"])]), NoConfirmedWorkaround])),
        new("s1-security-or-data-exposure", Severity.S1,
            "Active security incident or data exposure",
            new AnyOf([new FactIs("urgency.securityExposure", true), new FactIs("urgency.dataExposure", true)])),
        new("s1-strategic-customer-fully-blocked", Severity.S1,
            "Strategic customer fully blocked: the whole organisation, no workaround",
            new AllOf([new FactIn("customer.tier", ["strategic"]), new FactIn("impact.scope", ["organisation", "many-customers"]), NoConfirmedWorkaround])),
        new("s2-team-blocked-no-workaround", Severity.S2,
            "A team or key workflow blocked with no workaround",
            new AllOf([new FactIn("impact.scope", ["team", "organisation"]), NoWorkaround])),
        new("s2-billing-affects-payment", Severity.S2,
            "Billing problem that affects payment",
            new AllOf([new FactIn("issueType", ["billing"]), new FactIs("urgency.paymentAffected", true)])),
        new("s2-legal-or-compliance-deadline-within-48h", Severity.S2,
            "Legal or compliance deadline within 48 hours",
            new AllOf([
                new AnyOf([new FactIn("issueType", ["legal"]), new FactIs("urgency.complianceRisk", true)]),
                new FactAtMost("urgency.hoursToDeadline", 48),
            ])),
        new("s2-premium-or-strategic-customer-blocked", Severity.S2,
            "Premium or strategic customer blocked (no workaround)",
            new AllOf([new FactIn("customer.tier", ["premium", "strategic"]), NoWorkaround])),
        new("s3-single-user-blocked", Severity.S3,
            "A single user blocked with no workaround",
            new AllOf([new FactIn("impact.scope", ["single-user"]), NoWorkaround])),
        new("s3-team-degraded-with-workaround", Severity.S3,
            "A team or more degraded, with a workaround",
            new AllOf([new FactIn("impact.scope", ["team", "organisation", "many-customers"]), HasWorkaround])),
        new("s4-single-user-with-workaround", Severity.S4,
            "A single user with a workaround",
            new AllOf([new FactIn("impact.scope", ["single-user"]), HasWorkaround])),
        new("s4-otherwise", Severity.S4,
            "Questions, and anything no rule above covers",
            new Always()),
    ]);
}
