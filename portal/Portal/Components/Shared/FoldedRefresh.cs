namespace EscalationPlatform.Portal.Components.Shared;

/// <summary>Reads a page again when told that something changed; changes that arrive while it reads fold into one
/// more read, not one each (an alert storm changes hundreds of cases a minute). Runs on the component's dispatcher.</summary>
public sealed class FoldedRefresh(Func<Func<Task>, Task> dispatch, Func<Task> refresh)
{
    private bool _running;
    private bool _dirty;

    /// <summary>Asks for a read and returns at once (the stream that announced the change is not held up).</summary>
    public Task RequestAsync()
    {
        _ = dispatch(RunAsync);
        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        _dirty = true;
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            while (_dirty)
            {
                _dirty = false;
                await refresh();
            }
        }
        finally
        {
            _running = false;
        }
    }
}
