namespace Intake.Api.Changes;

/// <summary>What hears the database's change notifications (<see cref="EscalationChangeListener"/>): the read cache,
/// the change feed.</summary>
public interface IEscalationChangeObserver
{
    /// <summary>Notifications arrive from now on; any before may have been missed.</summary>
    void Listening();

    /// <summary>The record changed; <paramref name="tenant"/> is null when only its timeline did.</summary>
    void Changed(Guid id, string? tenant);

    /// <summary>The connection is lost: changes go unheard until <see cref="Listening"/>.</summary>
    void Lost();

    /// <summary>A person's in-app feed has new entries (what notification keeps; only live connections care).</summary>
    void FeedChanged(string tenant, string person)
    {
    }
}
