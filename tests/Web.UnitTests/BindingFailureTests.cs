using EscalationPlatform.ServiceDefaults;

namespace Web.UnitTests;

public sealed class BindingFailureTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"int limit\" from \"abc\".", "limit", "must be a whole number within range")]
    [InlineData("Failed to bind parameter \"Nullable<bool> breached\" from \"maybe\".", "breached", "is missing or not valid")]
    [InlineData("Failed to bind parameter \"Guid? escalationId\" from \"x\".", "escalationId", "must be an id (a UUID)")]
    [InlineData("Implicit body inferred for parameter \"request\" but no body was provided. Did you mean to use a Service instead?", "body", "required: a JSON object")]
    [InlineData("Required parameter \"SubmitRequest request\" was not provided from body.", "body", "required: a JSON object")]
    public void A_binding_failure_names_the_parameter_and_what_it_must_be(string message, string field, string expected)
    {
        var named = BadRequestExceptionHandler.Parameter(message);

        Assert.Equal((field, expected), named);
    }

    [Fact]
    public void A_message_naming_no_parameter_names_none() => Assert.Null(BadRequestExceptionHandler.Parameter("Request body too large."));
}
