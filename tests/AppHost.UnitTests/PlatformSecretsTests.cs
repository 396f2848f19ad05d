using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using EscalationPlatform.AppHost;

namespace AppHost.UnitTests;

public sealed class PlatformSecretsTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("platform-secrets-").FullName;

    [Fact]
    public async Task The_shared_secrets_are_secret_parameters_and_the_gateway_gets_only_the_operator_keys_hash()
    {
        var builder = DistributedApplication.CreateBuilder(["Auth:OperatorKey=op_test-key"]);

        var secrets = PlatformSecrets.Add(builder, _state);

        Assert.True(secrets.TrustKey.Resource.Secret);
        Assert.True(secrets.SigningKey.Resource.Secret);
        Assert.True(secrets.OperatorKeySha256.Resource.Secret);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("op_test-key"))),
            await secrets.OperatorKeySha256.Resource.GetValueAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Generated_secrets_are_kept_in_the_state_folder_so_a_restart_keeps_them()
    {
        var first = PlatformSecrets.Add(DistributedApplication.CreateBuilder([]), _state);
        var second = PlatformSecrets.Add(DistributedApplication.CreateBuilder([]), _state);

        Assert.Equal(await first.TrustKey.Resource.GetValueAsync(TestContext.Current.CancellationToken),
            await second.TrustKey.Resource.GetValueAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("op_", File.ReadAllText(Path.Combine(_state, "secrets", "operator-key")), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);
}
