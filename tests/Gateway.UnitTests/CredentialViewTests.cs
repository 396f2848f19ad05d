using System.Text.Json;
using EscalationPlatform.Gateway.Admin;
using EscalationPlatform.Web.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.UnitTests;

public sealed class CredentialViewTests
{
    private const string Secret = "ep_live_0123456789abcdef";

    private static readonly CredentialView Created = new(
        Guid.CreateVersion7(), "Ticketing bridge", "api-key", "ep_live_0123", ["escalations:write"], "cust-1", 120,
        new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), "u-admin", null, Secret);

    [Fact]
    public void Without_its_secret_a_credential_is_the_same_view_with_no_key()
    {
        var kept = Assert.IsType<CredentialView>(Created.WithoutSecret());

        Assert.Null(kept.Key);
        Assert.Equal(Created with { Key = null }, kept);
        Assert.Equal(Secret, Created.Key);
    }

    [Fact]
    public void An_idempotency_record_of_the_creating_answer_keeps_no_secret()
    {
        Results<Created<CredentialView>, ValidationProblem> result = TypedResults.Created("/api/v1/admin/api-keys/1", Created);

        var kept = IdempotencyFilter.Kept(((INestedHttpResult)result).Result);
        var stored = JsonSerializer.Serialize(kept, kept!.GetType(), JsonSerializerOptions.Web);

        Assert.Equal(Created with { Key = null }, kept);
        Assert.DoesNotContain(Secret, stored);
        Assert.Contains("Ticketing bridge", stored);
    }

    [Fact]
    public void An_answer_without_a_secret_is_kept_as_it_is()
    {
        var listed = Created with { Key = null };

        Assert.Equal(listed, IdempotencyFilter.Kept(TypedResults.Ok(listed)));
        Assert.Equal("kept", IdempotencyFilter.Kept(TypedResults.Ok("kept")));
        Assert.Null(IdempotencyFilter.Kept(TypedResults.NoContent()));
    }
}
