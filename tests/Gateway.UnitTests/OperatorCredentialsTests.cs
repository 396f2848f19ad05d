using System.Security.Cryptography;
using System.Text;
using EscalationPlatform.Gateway.Identity;
using Microsoft.Extensions.Configuration;

namespace Gateway.UnitTests;

public sealed class OperatorCredentialsTests
{
    private static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static IConfiguration Settings(params (string Name, string Hash)[] operators) => new ConfigurationBuilder()
        .AddInMemoryCollection(operators.SelectMany((op, index) => new KeyValuePair<string, string?>[]
        {
            new($"{OperatorCredentials.Section}:{index}:Name", op.Name),
            new($"{OperatorCredentials.Section}:{index}:KeySha256", op.Hash),
        }))
        .Build();

    [Fact]
    public void A_configured_hash_finds_its_operator_and_nothing_else_does()
    {
        var ada = OperatorCredentials.NewKey();
        var bob = OperatorCredentials.NewKey();
        var credentials = new OperatorCredentials(Settings(("ada", HashOf(ada)), ("bob", HashOf(bob).ToUpperInvariant())));

        Assert.Equal("ada", credentials.Find(ada));
        Assert.Equal("bob", credentials.Find(bob));
        Assert.Null(credentials.Find(OperatorCredentials.NewKey()));
        Assert.Null(credentials.Find(ada + " "));
        Assert.Null(credentials.Find(ada.ToUpperInvariant()));
        Assert.Null(credentials.Find(HashOf(ada)));
        Assert.Null(credentials.Find(""));
        Assert.Null(credentials.Find("op_\0\r\n"));
    }

    [Fact]
    public void Without_configuration_there_is_no_operator() =>
        Assert.Null(new OperatorCredentials(Settings()).Find(""));

    [Theory]
    [InlineData("", "valid")]
    [InlineData("a-name-of-101-characters-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "valid")]
    [InlineData("ops", "")]
    [InlineData("ops", "short")]
    [InlineData("ops", "not hex")]
    [InlineData("ops", "the key itself")]
    public void A_bad_operator_setting_stops_the_gateway_naming_the_setting(string name, string hash)
    {
        var valid = HashOf("op_x");
        var setting = hash switch
        {
            "valid" => valid,
            "short" => valid[1..],
            "not hex" => "zz" + valid[2..],
            "the key itself" => "op_x",
            _ => hash,
        };

        var error = Assert.Throws<InvalidOperationException>(() => new OperatorCredentials(Settings(("first", HashOf("op_y")), (name, setting))));

        Assert.StartsWith("Operators:1 needs a Name", error.Message);
        Assert.Contains("KeySha256", error.Message);
    }

    [Fact]
    public void A_new_key_is_an_operator_key_safe_in_a_header()
    {
        var key = OperatorCredentials.NewKey();

        Assert.StartsWith(OperatorCredentials.KeyPrefix, key);
        Assert.Matches("^op_[A-Za-z0-9_-]{43}$", key);
        Assert.NotEqual(key, OperatorCredentials.NewKey());
    }

    [Fact]
    public void The_operators_principal_has_no_tenant_and_only_the_operations_scope()
    {
        var user = OperatorCredentials.Principal("ada", "ApiKey");

        Assert.Equal(
            ["sub=operator:ada", "name=ada", "actor_kind=operator", "scope=operations", "rate_key=operator:ada"],
            user.Claims.Select(claim => $"{claim.Type}={claim.Value}"));
        Assert.True(user.Identity?.IsAuthenticated);
    }
}
