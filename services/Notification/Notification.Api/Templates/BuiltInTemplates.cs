using Notification.Domain;

namespace Notification.Api.Templates;

/// <summary>The platform's own wording of every message (what a tenant's templates start from): Liquid over
/// <see cref="TemplateVariables"/>. Times are in the recipient's time zone with UTC beside them.</summary>
public static class BuiltInTemplates
{
    private const string Link = "\n\nOpen the case: {{ case.link }}";

    public static IReadOnlyDictionary<string, EmailTemplate> Email { get; } = new Dictionary<string, EmailTemplate>(StringComparer.Ordinal)
    {
        [NoticeEvents.Name(NoticeEvent.Offered)] = new(
            """[{{ case.key }}] {% if recipient.role == "owner" %}{{ case.severity }} offered to you{% else %}{{ case.severity }} escalation{% endif %}: {{ case.title }}""",
            """
            {% if recipient.role == "owner" %}Hello {{ recipient.name }},

            {{ case.key }} "{{ case.title }}" for {{ case.customer }} ({{ case.severity }}) is offered to you on {{ case.team }}.
            Acknowledge by {{ event.due }} to take ownership; otherwise it moves on.

            Why you: {{ event.reason }}
            Backup: {{ event.backup }}{% else %}{{ case.key }} "{{ case.title }}" for {{ case.customer }} is {{ case.severity }}.
            It is offered to {{ case.owner }} on {{ case.team }} (backup {{ event.backup }}).{% endif %}
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.OfferMoved)] = new(
            "[{{ case.key }}] {{ case.severity }} offered to you: {{ case.title }}",
            """
            Hello {{ recipient.name }},

            {{ case.key }} "{{ case.title }}" for {{ case.customer }} ({{ case.severity }}) is offered to you on {{ case.team }}.
            Acknowledge by {{ event.due }} to take ownership; otherwise it moves on.

            Why you: {{ event.reason }} (previously offered to {{ event.from }})
            Backup: {{ event.backup }}
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.OfferReplanned)] = new(
            "[{{ case.key }}] {{ case.severity }} offered to you, new deadline: {{ case.title }}",
            """
            Hello {{ recipient.name }},

            {{ case.key }} "{{ case.title }}" is now {{ case.severity }}: acknowledge by {{ event.due }}.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.Unroutable)] = new(
            "[{{ case.key }}] {{ case.severity }} escalation has no owner: {{ case.title }}",
            """
            {{ case.key }} "{{ case.title }}" for {{ case.customer }} ({{ case.severity }}) could be offered to nobody.

            Why: {{ event.reason }}.
            It waits, triaged, until a team can take it: add members to the team, or a routing rule or default team for its kind of issue.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.TopOfPolicy)] = new(
            "[{{ case.key }}] {{ case.severity }} escalation unanswered at the top of its policy: {{ case.title }}",
            """
            {{ case.key }} "{{ case.title }}" for {{ case.customer }} ({{ case.severity }}) went through every level of the {{ event.policy }} escalation policy on {{ case.team }}: {{ event.offers }} offers, none acknowledged.

            It stays offered to {{ case.owner }} and is flagged on the case. Take it, or hand it to someone who can.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.SeverityChanged)] = new(
            "[{{ case.key }}] {{ event.direction | capitalize }} to {{ event.to }}: {{ case.title }}",
            """
            {{ case.key }} "{{ case.title }}" for {{ case.customer }} is now {{ event.to }} (it was {{ event.from }}).
            Changed by {{ event.actor }}: {{ event.reason }}
            Owner: {{ case.owner | default: "not yet accepted" }}. The SLA clocks now run to the {{ event.to }} targets.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.HandoffRequested)] = new(
            "[{{ case.key }}] Please take over: {{ case.title }}",
            """
            {{ event.requested_by }} asks {{ event.asked }} to take {{ case.key }} "{{ case.title }}" ({{ case.severity }}, {{ case.customer }}).
            Why: {{ event.reason }}
            Context: {{ event.context }}
            Already done: {{ event.actions | join: "; " }}
            Accept or reject it by {{ event.due }}; until someone accepts, {{ case.owner | default: "the current owner" }} owns it.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.HandoffAnswered)] = new(
            "[{{ case.key }}] Handoff {{ event.step }}: {{ case.title }}",
            """
            {% if event.step == "accepted" %}{{ event.answered_by }} accepted the handoff of {{ case.key }} and owns it now.{% else %}{{ event.answered_by }} turned down the handoff of {{ case.key }}: {{ event.answer }}
            You still own it.{% endif %}
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.HandoffUnanswered)] = new(
            "[{{ case.key }}] Nobody took the handoff: {{ case.title }}",
            """
            Nobody accepted the handoff of {{ case.key }} by {{ event.due }}. {{ case.owner | default: "The owner" }} keeps it.
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.SlaWarning)] = new(
            "[{{ case.key }}] SLA warning: {{ event.clock }} {{ event.percent }}% elapsed",
            """
            {{ event.percent }}% of the {{ event.clock }} time of {{ case.key }} "{{ case.title }}" ({{ case.severity }}, {{ case.customer }}) has elapsed.
            It is due {{ event.due }}.{{ event.late_note }}
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.SlaBreach)] = new(
            "[{{ case.key }}] SLA breached: {{ event.clock }}",
            """
            The {{ event.clock }} target of {{ case.key }} "{{ case.title }}" ({{ case.severity }}, {{ case.customer }}) was missed.
            It was due {{ event.due }}. Owner: {{ case.owner | default: "not yet accepted" }}.{{ event.late_note }}
            """ + Link),
        [NoticeEvents.Name(NoticeEvent.CustomerNews)] = new(
            "[{{ case.key }}] {{ case.title }}",
            """
            Dear {{ case.customer }},

            {% if event.message != blank %}There is an update on your case:

            {{ event.message }}{% else %}{{ event.news }}{% endif %}{% if event.next_update != blank %}

            Next update by: {{ event.next_update }}.{% endif %}{% if event.rating_link != blank %}

            How did we do? Rate how we handled your case (one click, no login): {{ event.rating_link }}{% endif %}

            Reference: {{ case.key }}
            """),
        [NoticeEvents.Name(NoticeEvent.Deflected)] = new(
            """[{{ case.key }}] {% if recipient.role == "customer" %}A known issue with a documented workaround: {{ case.title }}{% else %}Back to you with a known error's workaround: {{ case.title }}{% endif %}""",
            """
            {% if recipient.role == "customer" %}Dear {{ case.customer }},

            On {{ event.at }} we matched your case {{ case.key }} "{{ case.title }}" to a known issue, for which there is a documented workaround:

            {{ event.workaround }}

            If the workaround does not help, reply to this email or contact support, and we will take your case up again.

            Reference: {{ case.key }}{% else %}{{ case.key }} "{{ case.title }}" for {{ case.customer }} ({{ case.severity }}) matches the known error {{ event.article }} and goes back to the frontline instead of to an expert team.
            Why: {{ event.reason }}

            The workaround, also sent to the customer:
            {{ event.workaround }}

            If it does not help, the customer will come back to you.
            """ + Link + "{% endif %}"),
        [NoticeEvents.Name(NoticeEvent.ProblemRaised)] = new(
            "Problem raised: {{ event.problem }}",
            """
            A problem record was raised: {{ event.problem }}.

            {{ event.cases | size }} cases share {{ event.shared }}:
            {% for line in event.cases %}- {{ line }}
            {% endfor %}
            Raised on {{ event.at }}.

            Open the problem: {{ event.problem_link }}
            """),
        [NoticeEvents.Name(NoticeEvent.ProblemFixed)] = new(
            "[{{ case.key }}] Fixed in {{ event.fixed_in }}: {{ case.title }}",
            """
            Dear {{ case.customer }},

            The problem behind your case {{ case.key }} "{{ case.title }}" is fixed in {{ event.fixed_in }}.{% if event.note != blank %}

            {{ event.note }}{% endif %}

            If you still see the problem with {{ event.fixed_in }}, reply to this email or contact support.

            Reference: {{ case.key }}
            """),
    };

    public static IReadOnlyDictionary<string, ChatTemplate> Chat { get; } = NoticeEvents.Names.ToDictionary(
        name => name,
        name => new ChatTemplate(name switch
        {
            "offered" => "{{ case.severity }} escalation for {{ case.customer }}, offered to {{ case.owner }}: {{ event.reason }}",
            "severity-changed" => "{{ event.from }} → {{ event.to }} by {{ event.actor }}: {{ event.reason }}",
            "sla-breach" => "The {{ event.clock }} target was missed (due {{ event.due }}).",
            "sla-warning" => "{{ event.percent }}% of the {{ event.clock }} time has elapsed (due {{ event.due }}).",
            _ => "{{ event.name }}: {{ event.reason }}",
        }),
        StringComparer.Ordinal);
}
