using EscalationPlatform.Contracts;
using Routing.Domain;

namespace Routing.UnitTests;

public sealed class WorkloadTests
{
    [Fact]
    public void Each_open_escalation_counts_once_and_weighs_by_its_severity()
    {
        Assert.Equal(new Workload(4, 10), Workload.Of([Severity.S1, Severity.S2, Severity.S3, Severity.S4]));
        Assert.Equal(Workload.None, Workload.Of([]));
    }
}
