using EscalationPlatform.Portal.Components.Pages;

namespace Portal.UnitTests;

public sealed class CommandFormsTests
{
    private static CommandForm Form(string id) => CommandForms.All.Single(form => form.Id == id);

    [Fact]
    public void Only_the_commands_the_record_offers_are_offered_in_the_order_work_happens()
    {
        var offered = CommandForms.Offered(["cancel", "resolve", "acknowledge"]).Select(form => form.Id);

        Assert.Equal(["acknowledge", "resolve", "cancel"], offered);
    }

    [Fact]
    public void A_command_the_portal_does_not_know_is_not_offered_and_none_offers_nothing()
    {
        Assert.Empty(CommandForms.Offered(["escalate-to-the-moon"]));
        Assert.Empty(CommandForms.Offered([]));
    }

    [Fact]
    public void The_body_holds_the_fields_filled_in_trimmed_and_leaves_blank_ones_out()
    {
        var body = Form("resolve").Body(new Dictionary<string, string?>
        {
            ["kind"] = "fix",
            ["summary"] = "  Restarted the pool.  ",
            ["rootCause"] = "   ",
            ["unrelated"] = "ignored",
        });

        Assert.Equal(new Dictionary<string, string> { ["kind"] = "fix", ["summary"] = "Restarted the pool." }, body);
    }

    [Fact]
    public void Contesting_a_deflection_requires_why_the_workaround_does_not_help_and_posts_it_to_contest()
    {
        var contest = Form("contest");

        Assert.Equal(("Contest the deflection", "contest"), (contest.Label, contest.Path));
        var reason = Assert.Single(contest.Fields);
        Assert.Equal(("reason", true), (reason.Name, reason.Required));
        Assert.Equal(new Dictionary<string, string> { ["reason"] = "The customer has a VAT id on file." },
            contest.Body(new Dictionary<string, string?> { ["reason"] = " The customer has a VAT id on file. " }));
    }

    [Fact]
    public void An_untouched_form_sends_an_empty_body() =>
        Assert.Empty(Form("acknowledge").Body(new Dictionary<string, string?>()));

    [Fact]
    public void Every_command_has_its_own_id_and_path()
    {
        Assert.Equal(CommandForms.All.Count, CommandForms.All.Select(form => form.Id).Distinct().Count());
        Assert.Equal(CommandForms.All.Count, CommandForms.All.Select(form => form.Path).Distinct().Count());
    }
}
