namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>A database on a local PostgreSQL server.</summary>
public sealed class LocalDatabaseResource(string name, string databaseName, LocalServerResource server)
    : Resource(name), IResourceWithParent<LocalServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public LocalServerResource Parent { get; } = server;

    public string ConnectionString => $"{Parent.ConnectionString};Database={DatabaseName}";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ConnectionString}");
}
