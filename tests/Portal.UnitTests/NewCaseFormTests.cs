using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Portal.Components.Pages;
using EscalationPlatform.Portal.Gateway;

namespace Portal.UnitTests;

/// <summary>The bodies as the gateway receives them: serialised with the portal's API options.</summary>
public sealed class NewCaseFormTests
{
    private static readonly CustomerListItem Acme = new("cust-acme", "Acme Corp", CustomerTier.Strategic, true, "Europe/Berlin");

    private static JsonElement Sent(object body) => JsonSerializer.SerializeToElement(body, GatewayClient.Json);

    /// <summary>A field is sent when it has a value; absent and null both leave it to the API's default.</summary>
    private static bool Has(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    [Fact]
    public void An_untouched_form_sends_the_issue_type_and_the_urgency_flags_and_nothing_else()
    {
        var facts = Sent(new NewCaseForm().Facts(Zones.PlusTwo));

        Assert.Equal("technical", facts.GetProperty("issueType").GetString());
        Assert.Equal(["urgency"], facts.EnumerateObject().Where(field => field.Name != "issueType" && field.Value.ValueKind != JsonValueKind.Null).Select(field => field.Name));
        Assert.All(facts.GetProperty("urgency").EnumerateObject(), flag => Assert.Equal(JsonValueKind.False, flag.Value.ValueKind));
    }

    [Fact]
    public void Blank_text_is_left_out_and_text_is_trimmed()
    {
        var form = new NewCaseForm { Title = "   ", Description = "\n", ProductArea = "  Exports  ", CustomerId = " " };

        var body = Sent(form.Submission(Zones.PlusTwo));

        Assert.False(Has(body, "title"));
        Assert.False(Has(body, "description"));
        Assert.False(Has(body, "customer"));
        Assert.Equal("Exports", body.GetProperty("productArea").GetString());
    }

    [Fact]
    public void The_release_the_customer_runs_is_sent_beside_the_product_area_to_the_preview_and_the_submission()
    {
        var form = new NewCaseForm { ProductArea = "Exports", Release = " 5.4.0 " };

        Assert.Equal("5.4.0", Sent(form.Facts(Zones.PlusTwo)).GetProperty("release").GetString());
        Assert.Equal("5.4.0", Sent(form.Submission(Zones.PlusTwo)).GetProperty("release").GetString());
        Assert.False(Has(Sent(new NewCaseForm { Release = "  " }.Facts(Zones.PlusTwo)), "release"));
    }

    [Fact]
    public void A_submission_names_the_customer_by_id_only()
    {
        var form = new NewCaseForm { CustomerId = "cust-acme", Title = " Exports fail ", Description = "Since 9am." };

        var body = Sent(form.Submission(Zones.PlusTwo));

        Assert.Equal("""{"id":"cust-acme"}""", body.GetProperty("customer").GetRawText());
        Assert.Equal("Exports fail", body.GetProperty("title").GetString());
        Assert.Equal("Since 9am.", body.GetProperty("description").GetString());
    }

    [Fact]
    public void The_preview_gets_the_customers_directory_entry_because_triage_does_not_look_it_up()
    {
        var form = new NewCaseForm { CustomerId = "cust-acme", Title = "Exports fail" };

        var facts = Sent(form.Facts(Zones.PlusTwo, Acme));

        var customer = facts.GetProperty("customer");
        Assert.Equal("cust-acme", customer.GetProperty("id").GetString());
        Assert.Equal("Acme Corp", customer.GetProperty("name").GetString());
        Assert.Equal("strategic", customer.GetProperty("tier").GetString());
        Assert.Equal("Europe/Berlin", customer.GetProperty("timeZone").GetString());
        Assert.True(customer.GetProperty("contractualSla").GetBoolean());
        Assert.False(Has(facts, "title"));
    }

    [Fact]
    public void Impact_urgency_and_issue_type_are_sent_in_the_apis_words()
    {
        var form = new NewCaseForm { IssueType = IssueType.Billing, Scope = ImpactScope.ManyCustomers, AffectedCount = 300, Outage = true, PaymentAffected = true };

        var facts = Sent(form.Facts(Zones.PlusTwo));

        Assert.Equal("billing", facts.GetProperty("issueType").GetString());
        Assert.Equal("many-customers", facts.GetProperty("impact").GetProperty("scope").GetString());
        Assert.Equal(300, facts.GetProperty("impact").GetProperty("affectedCount").GetInt32());
        Assert.True(facts.GetProperty("urgency").GetProperty("outage").GetBoolean());
        Assert.True(facts.GetProperty("urgency").GetProperty("paymentAffected").GetBoolean());
        Assert.False(facts.GetProperty("urgency").GetProperty("securityExposure").GetBoolean());
    }

    [Fact]
    public void A_count_without_a_scope_sends_the_count_alone()
    {
        var impact = Sent(new NewCaseForm { AffectedCount = 3 }.Facts(Zones.PlusTwo)).GetProperty("impact");

        Assert.Equal(3, impact.GetProperty("affectedCount").GetInt32());
        Assert.False(Has(impact, "scope"));
    }

    [Fact]
    public void Checklist_answers_go_to_the_context_or_the_urgency_in_the_apis_shape()
    {
        var form = new NewCaseForm();
        form.Checklist["context.errorMessages"] = "HTTP 500 on export";
        form.Checklist["context.affectedServices"] = "exports, api";
        form.Checklist["context.mfaInvolved"] = "no";
        form.Checklist["context.amount"] = "99.90";
        form.Checklist["context.firstSeenAt"] = "2026-03-10T09:30";
        form.Checklist["urgency.deadline"] = "2026-03-12T17:00";

        var facts = Sent(form.Facts(Zones.PlusTwo));

        var context = facts.GetProperty("context");
        Assert.Equal("""["HTTP 500 on export"]""", context.GetProperty("errorMessages").GetRawText());
        Assert.Equal("""["exports","api"]""", context.GetProperty("affectedServices").GetRawText());
        Assert.False(context.GetProperty("mfaInvolved").GetBoolean());
        Assert.Equal(99.90m, context.GetProperty("amount").GetDecimal());
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 7, 30, 0, TimeSpan.Zero), context.GetProperty("firstSeenAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero), facts.GetProperty("urgency").GetProperty("deadline").GetDateTimeOffset());
        Assert.False(Has(context, "deadline"));
    }

    [Fact]
    public void Empty_not_understood_and_unknown_checklist_answers_are_left_out()
    {
        var form = new NewCaseForm();
        form.Checklist["context.attempted"] = "  ";
        form.Checklist["context.firstSeenAt"] = "last tuesday";
        form.Checklist["no-such-item"] = "whatever";

        var facts = Sent(form.Facts(Zones.PlusTwo));

        Assert.False(Has(facts, "context"));
        Assert.False(Has(facts.GetProperty("urgency"), "deadline"));
    }

    [Fact]
    public void The_same_wall_clock_time_is_another_instant_for_a_viewer_elsewhere()
    {
        var form = new NewCaseForm();
        form.Checklist["context.detectedAt"] = "2026-03-10T09:30";

        var east = Sent(form.Facts(Zones.PlusTwo)).GetProperty("context").GetProperty("detectedAt").GetDateTimeOffset();
        var west = Sent(form.Facts(Zones.MinusFive)).GetProperty("context").GetProperty("detectedAt").GetDateTimeOffset();

        Assert.Equal(TimeSpan.FromHours(7), west - east);
    }
}
