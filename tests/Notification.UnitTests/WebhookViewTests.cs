using System.Text.Json;
using EscalationPlatform.Web.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Notification.Api.Endpoints;

namespace Notification.UnitTests;

public sealed class WebhookViewTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void An_idempotency_record_of_a_new_subscription_keeps_no_signing_secret()
    {
        var created = new WebhookView(Guid.CreateVersion7(), "https://hooks.example.com/in", ["escalation.assigned"],
            new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), SubmittedBy: null, Secret);
        Results<Created<WebhookView>, ValidationProblem> result = TypedResults.Created("/api/v1/notifications/webhooks/1", created);

        var kept = IdempotencyFilter.Kept(((INestedHttpResult)result).Result);

        Assert.Equal(created with { Secret = null }, kept);
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(kept, kept!.GetType(), JsonSerializerOptions.Web));
        Assert.Equal(Secret, created.Secret);
    }
}
