namespace EscalationPlatform.AppHost.Infrastructure;

/// <summary>A locally installed server run as an executable that, like a container resource, offers a
/// connection string, so services reference it the same way in either infrastructure mode.</summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public string ConnectionString { get; } = connectionString;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ConnectionString}");
}
