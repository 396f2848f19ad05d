using System.Text.Json;
using EscalationPlatform.Portal.Components.Pages.Admin;

namespace Portal.UnitTests;

public sealed class ScheduleTemplatesTests
{
    [Fact]
    public void A_new_schedule_starts_with_one_weekly_layer_handing_over_at_nine_today()
    {
        using var template = JsonDocument.Parse(ScheduleTemplates.New("billing-on-call", new DateOnly(2026, 11, 30)));
        var layer = template.RootElement.GetProperty("layers")[0];

        Assert.Equal(("2026-11-30T09:00", "7.00:00:00"), (layer.GetProperty("start").GetString(), layer.GetProperty("rotation").GetString()));
        Assert.Equal("billing-on-call", template.RootElement.GetProperty("name").GetString());
    }
}
