using EscalationPlatform.Contracts;
using EscalationPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Routing.Api.Data;
using Routing.Api.Policies;
using Routing.Api.Schedules;
using Routing.Domain;

namespace Routing.Api.Teams;

/// <summary>Teams for every issue type, with members and a lead, an on-call schedule for technical support and a
/// "major incident" escalation policy (no team pages the schedule or follows the policy until a manager says so), for
/// each demo tenant.</summary>
public sealed class DemoData(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoData> logger)
    : DemoDataSeeder<RoutingDbContext>(scopes, configuration, environment, logger)
{
    private sealed record DemoTeam(string Id, string Name, string TimeZone, string[] DefaultFor, (string Id, string Name, string TimeZone)[] Members);

    private static readonly DemoTeam[] Teams =
    [
        new("technical-support", "Technical support", "Europe/Berlin", ["technical", "other"],
            [("margaret", "Margaret Hamilton", "Europe/Berlin"), ("ada", "Ada Lovelace", "Europe/London"), ("grace", "Grace Hopper", "America/New_York"), ("linus", "Linus Torvalds", "Europe/Helsinki")]),
        new("billing", "Billing", "Europe/London", ["billing"],
            [("fibonacci", "Leonardo Fibonacci", "Europe/Rome"), ("pacioli", "Luca Pacioli", "Europe/Rome"), ("lovelock", "Ada Lovelock", "Europe/London")]),
        new("access-management", "Access management", "America/New_York", ["access"],
            [("diffie", "Whitfield Diffie", "America/Los_Angeles"), ("hellman", "Martin Hellman", "America/Los_Angeles"), ("rivest", "Ron Rivest", "America/New_York")]),
        new("security-response", "Security response", "Europe/Berlin", ["security"],
            [("schneier", "Bruce Schneier", "America/New_York"), ("rejewski", "Marian Rejewski", "Europe/Warsaw"), ("turing", "Alan Turing", "Europe/London"), ("shamir", "Adi Shamir", "Asia/Jerusalem")]),
        new("legal", "Legal", "Europe/Paris", ["legal"],
            [("ginsburg", "Ruth Bader Ginsburg", "America/New_York"), ("portia", "Portia Chen", "Asia/Singapore"), ("cicero", "Marcus Cicero", "Europe/Rome")]),
    ];

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    protected override Task<bool> HasDataAsync(RoutingDbContext db, string tenantId, CancellationToken cancellationToken) =>
        db.Teams.AnyAsync(team => team.TenantId == tenantId, cancellationToken);

    protected override void Add(RoutingDbContext db, string tenant)
    {
        foreach (var team in Teams)
        {
            db.Teams.Add(new TeamRow
            {
                TenantId = tenant, Id = team.Id, Name = team.Name, TimeZone = team.TimeZone,
                LeadMemberId = team.Members[0].Id, DefaultFor = team.DefaultFor,
            });
            foreach (var (id, name, timeZone) in team.Members)
            {
                db.Members.Add(new MemberRow
                {
                    TenantId = tenant, Id = id, TeamId = team.Id, Name = name, Email = $"{id}@{tenant}.example",
                    TimeZone = timeZone, Capacity = 20,
                    WorkingHours = [.. Weekdays.Select(day => new WorkingDay(day, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
                });
            }
        }

        db.Rules.Add(new RoutingRuleRow { TenantId = tenant, Order = 1, Name = "major incidents", TeamId = "technical-support", IssueType = IssueType.Technical, Severity = Severity.S1 });
        db.Schedules.Add(new ScheduleRow
        {
            TenantId = tenant, Id = "technical-support-on-call", Name = "Technical support on-call",
            Definition = ScheduleRow.Serialize(new ScheduleDraft("Technical support on-call", "Europe/Berlin",
                [new LayerDraft("weekly", "2026-01-05T09:00", TimeSpan.FromDays(7), ["ada", "grace", "linus"])])),
        });
        var majorIncident = new PolicyDraft("Major incident", [
            new("owner"), new("backup"), new("schedule", "technical-support-on-call", When: new(Severities: ["S1", "S2"])), new("team-lead"),
        ], 1);
        db.EscalationPolicies.Add(new PolicyRow { TenantId = tenant, Id = "major-incident", Name = majorIncident.Name!, Definition = PolicyRow.Serialize(majorIncident) });
    }
}
