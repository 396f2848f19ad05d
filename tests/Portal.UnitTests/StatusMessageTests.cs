using Bunit;
using EscalationPlatform.Portal.Components.Shared;

namespace Portal.UnitTests;

public sealed class StatusMessageTests : PortalContext
{
    private string Message(int status) =>
        Render<StatusMessage>(parameters => parameters.Add(message => message.Status, status)).Find("[data-testid=status-message]").TextContent;

    [Fact]
    public void Forbidden_says_the_role_does_not_allow_it_and_whom_to_ask()
    {
        var text = Message(403);

        Assert.Contains("You do not have access to this page", text);
        Assert.Contains("Ask a manager or an administrator", text);
    }

    [Fact]
    public void Not_found_says_the_page_does_not_exist()
    {
        var text = Message(404);

        Assert.Contains("This page does not exist", text);
        Assert.Contains("Check the address", text);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(418)]
    public void Any_other_status_says_something_went_wrong(int status) =>
        Assert.Contains("Something went wrong", Message(status));

    [Fact]
    public void There_is_always_a_way_back_to_the_queues()
    {
        var link = Render<StatusMessage>(parameters => parameters.Add(message => message.Status, 404)).Find("a");

        Assert.Equal("/", link.GetAttribute("href"));
        Assert.Equal("Back to the queues", link.TextContent.Trim());
    }
}
