using EscalationPlatform.Messaging.Persistence;
using EscalationPlatform.Messaging.Signals;

namespace Messaging.UnitTests;

public sealed class NotifyTriggerTests
{
    [Fact]
    public void The_outbox_trigger_keeps_the_names_existing_databases_have()
    {
        var create = MessagingModel.CreateNotifyTriggerSql;

        Assert.Contains("CREATE OR REPLACE FUNCTION outbox_message_notify() RETURNS trigger", create);
        Assert.Contains("CREATE OR REPLACE TRIGGER outbox_message_added AFTER INSERT ON outbox_message", create);
        Assert.Contains("PERFORM pg_notify('outbox_message_added', '');", create);
        Assert.DoesNotContain("REFERENCING", create);
        Assert.Contains("DROP TRIGGER IF EXISTS outbox_message_added ON outbox_message;", MessagingModel.DropNotifyTriggerSql);
        Assert.Contains("DROP FUNCTION IF EXISTS outbox_message_notify();", MessagingModel.DropNotifyTriggerSql);
    }

    [Fact]
    public void A_conditional_trigger_has_one_trigger_per_event_with_the_written_rows()
    {
        var trigger = new NotifyTrigger("work", "work_ready", "work_ready", ["INSERT", "UPDATE"], WhenAnyRow: "ready");

        var create = trigger.CreateSql();

        Assert.Contains("IF EXISTS (SELECT 1 FROM written_rows WHERE ready) THEN PERFORM pg_notify('work_ready', ''); END IF;", create);
        Assert.Contains("CREATE OR REPLACE TRIGGER work_ready_insert AFTER INSERT ON work REFERENCING NEW TABLE AS written_rows", create);
        Assert.Contains("CREATE OR REPLACE TRIGGER work_ready_update AFTER UPDATE ON work REFERENCING NEW TABLE AS written_rows", create);
        Assert.Equal(
            ["DROP TRIGGER IF EXISTS work_ready_insert ON work;", "DROP TRIGGER IF EXISTS work_ready_update ON work;", "DROP FUNCTION IF EXISTS work_notify();"],
            trigger.DropSql().Split(Environment.NewLine));
    }
}
