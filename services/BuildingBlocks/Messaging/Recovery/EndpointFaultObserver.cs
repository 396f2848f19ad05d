using MassTransit;

namespace EscalationPlatform.Messaging.Recovery;

/// <summary>Keeps <see cref="FaultedEndpoints{TEndpoint}"/> up to date from MassTransit's receive endpoint events.</summary>
internal sealed class EndpointFaultObserver(FaultedEndpoints<IReceiveEndpoint> faulted, TimeProvider clock) : IReceiveEndpointObserver
{
    public Task Faulted(ReceiveEndpointFaulted fault)
    {
        faulted.Faulted(fault.InputAddress, fault.ReceiveEndpoint, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        faulted.Ready(ready.InputAddress);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
}
