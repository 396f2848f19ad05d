using System.Text;
using EscalationPlatform.Gateway.Authorization;

namespace EndToEnd.Tests.Hostile;

/// <summary>Every operation called with every credential the gateway's policy for its route does not let through
/// (an agent on a manager's route, a read-only key on a write route, a customer-bound key on the tenant's
/// configuration, a tenant's admin on the operator's routes, the operator on a tenant's data): 403 saying what is
/// needed. Path parameters name nothing, so a policy this table gets wrong still changes nothing.</summary>
public static class AccessProbes
{
    public static IEnumerable<HostileRequest> For(IReadOnlyList<ApiOperation> operations, IEnumerable<Caller> callers)
    {
        var nobody = PathIds.Nobody();
        var all = callers.ToList();
        foreach (var operation in operations)
        {
            var path = nobody.Fill(operation);
            if (RoutePolicies.For(operation.Method, path) is not { } route || route.Policy is PlatformPolicies.Anonymous or PlatformPolicies.PagerDuty)
            {
                continue;
            }

            foreach (var caller in all.Where(caller => !caller.May(route.Policy)))
            {
                yield return new("access", $"{route.Policy} needed", operation.Method, path)
                {
                    As = caller,
                    Body = operation.Method == HttpMethod.Get || operation.Method == HttpMethod.Delete ? null : Encoding.UTF8.GetBytes("{}"),
                    Expected = [403],
                    Mentions = "This needs",
                };
            }
        }
    }
}
