using EscalationPlatform.Contracts;
using Routing.Api.Offers;
using Routing.Api.Teams;
using Routing.Domain;

namespace Routing.UnitTests;

/// <summary>One tenant's routing set-up in memory: a support team of owner candidates "ana" and "ben" led by "lee",
/// the default team for technical issues, with five-minute acknowledgement windows for S2.</summary>
public sealed class InMemoryRoutingStore : IRoutingStore
{
    public const string Tenant = "acme";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public TeamRow Team { get; } = new()
    {
        TenantId = Tenant, Id = "support", Name = "Support", TimeZone = "UTC", LeadMemberId = "lee", DefaultFor = ["technical"],
    };

    public List<MemberRow> Members { get; } = [Member("ana"), Member("ben"), Member("lee")];

    public Task<IReadOnlyList<RoutingRule>> RulesAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RoutingRule>>([]);

    public Task<IReadOnlyDictionary<IssueType, string>> DefaultTeamsAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<IssueType, string>>(tenantId == Tenant ? new Dictionary<IssueType, string> { [IssueType.Technical] = Team.Id } : []);

    public Task<AcknowledgementWindows> WindowsAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(new AcknowledgementWindows(new Dictionary<Severity, TimeSpan> { [Severity.S2] = Window }));

    public Task<TeamRow?> TeamAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        Task.FromResult(tenantId == Tenant && teamId == Team.Id ? Team : null);

    /// <summary>The round-robin turns the team has given out.</summary>
    public long Turns { get; private set; }

    public Task<long> TakeTurnAsync(string tenantId, string teamId, CancellationToken cancellationToken) => Task.FromResult(Turns++);

    public Task<MemberRow?> MemberAsync(string tenantId, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(Members.FirstOrDefault(member => member.TenantId == tenantId && member.Id == memberId));

    /// <summary>The tenant's escalation policies by id; none (the built-in ladder) unless a test says so.</summary>
    public Dictionary<string, EscalationPolicy> Policies { get; } = [];

    public Task<(IReadOnlyList<PlannedLevel> Plan, string Policy)> EscalationPlanAsync(string tenantId, string? policyId, CancellationToken cancellationToken) =>
        Task.FromResult(Policies.TryGetValue(policyId ?? EscalationPolicy.DefaultId, out var policy)
            ? (PolicyPlan.Of(policy, Policies.GetValueOrDefault), policy.Name)
            : ((IReadOnlyList<PlannedLevel>)[], EscalationPolicy.BuiltIn.Name));

    public Task<IReadOnlyList<MemberRow>> MembersAsync(string tenantId, string teamId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MemberRow>>([.. Members.Where(member => member.TenantId == tenantId && member.TeamId == teamId)]);

    /// <summary>Who is on call in any schedule; nobody unless a test says so.</summary>
    public (MemberRow Member, string ScheduleName)? OnCall { get; set; }

    public Task<(MemberRow Member, string ScheduleName)?> OnCallAsync(string tenantId, string scheduleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(OnCall);

    public Task<IReadOnlyDictionary<string, Workload>> WorkloadsAsync(string tenantId, IReadOnlyList<string> memberIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, Workload>>(new Dictionary<string, Workload>());

    public static MemberRow Member(string id, string team = "support") => new()
    {
        TenantId = Tenant, Id = id, TeamId = team, Name = id.ToUpperInvariant(), Email = $"{id}@acme.example", TimeZone = "UTC",
    };
}
