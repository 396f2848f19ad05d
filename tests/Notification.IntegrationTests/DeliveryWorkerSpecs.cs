using Notification.Api.Deliveries;
using Notification.Domain;

namespace Notification.IntegrationTests;

public sealed class When_a_delivery_is_planned(DatabaseServer server)
{
    [Fact]
    public async Task Should_send_it_once_and_mark_it_delivered()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        await bed.StartWorkerAsync();
        var subscription = await bed.SubscribeAsync("/ok");

        var delivery = (await bed.PlanAsync([bed.Webhook(subscription)]))[0];
        var delivered = await bed.UntilAsync(delivery.Id, row => row.Status == DeliveryStatus.Delivered, "the webhook delivered");

        Assert.Equal([$"msg_{delivery.Id:N}"], bed.Receiver.WebhookIds);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(bed.Now, delivered.DeliveredAt);
        Assert.Null(delivered.NextAttemptAt);
        Assert.Null(delivered.LeaseUntil);
        Assert.Null(delivered.LastError);
    }
}

public sealed class When_a_receiver_keeps_failing(DatabaseServer server)
{
    [Fact]
    public async Task Should_retry_at_the_times_of_the_retry_schedule_and_then_give_up()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        await bed.StartWorkerAsync();
        var failing = await bed.SubscribeAsync("/status/503");
        var working = await bed.SubscribeAsync("/ok");
        var delivery = (await bed.PlanAsync([bed.Webhook(failing)]))[0];

        for (var attempt = 1; attempt < RetrySchedule.MaxAttempts; attempt++)
        {
            var failed = await bed.UntilAsync(delivery.Id, row => row.Attempts == attempt, $"attempt {attempt} recorded");
            var delay = RetrySchedule.After(attempt)!.Value;
            Assert.Equal(DeliveryStatus.Pending, failed.Status);
            Assert.Equal("the receiver answered 503", failed.LastError);
            Assert.Equal(bed.Now + delay, failed.NextAttemptAt);
            Assert.Null(failed.LeaseUntil);

            // A delivery planned after the failure goes out, and the failed one is not tried again before its time.
            var sentinel = (await bed.PlanAsync([bed.Webhook(working)]))[0];
            await bed.UntilAsync(sentinel.Id, row => row.Status == DeliveryStatus.Delivered, "the sentinel delivered");
            Assert.Equal(attempt, bed.Receiver.Calls.Count(path => path == "/status/503"));

            bed.Advance(delay);
        }

        var dead = await bed.UntilAsync(delivery.Id, row => row.Status == DeliveryStatus.Dead, "the delivery dead");
        Assert.Equal(RetrySchedule.MaxAttempts, dead.Attempts);
        Assert.Equal(RetrySchedule.MaxAttempts, bed.Receiver.Calls.Count(path => path == "/status/503"));
        Assert.Equal("the receiver answered 503", dead.LastError);
        Assert.Null(dead.NextAttemptAt);
        Assert.Null(dead.LeaseUntil);
    }
}

public sealed class When_the_mail_server_cannot_be_reached(DatabaseServer server)
{
    [Fact]
    public async Task Should_record_the_failed_attempt_and_schedule_the_next()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        await bed.StartWorkerAsync();

        var delivery = (await bed.PlanAsync([bed.Email("owner@acme.example")]))[0];
        var failed = await bed.UntilAsync(delivery.Id, row => row.Attempts == 1, "the first attempt recorded");

        Assert.Equal(DeliveryStatus.Pending, failed.Status);
        Assert.Equal(DeliveryErrors.ConnectionFailed, failed.LastError);
        Assert.Equal(bed.Now + RetrySchedule.After(1), failed.NextAttemptAt);
    }
}

public sealed class When_two_workers_share_the_delivery_table(DatabaseServer server)
{
    private const int Count = 200;

    [Fact]
    public async Task Should_send_each_delivery_once()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        await bed.StartWorkerAsync(("Notification:Worker:BatchSize", "4"));
        await bed.StartWorkerAsync(("Notification:Worker:BatchSize", "4"));
        var subscription = await bed.SubscribeAsync("/ok");

        var deliveries = new List<Delivery>();
        for (var batch = 0; batch < 10; batch++) // several commits, each waking both workers
        {
            deliveries.AddRange(await bed.PlanAsync(Enumerable.Range(0, Count / 10).Select(_ => bed.Webhook(subscription))));
        }

        foreach (var delivery in deliveries)
        {
            await bed.UntilAsync(delivery.Id, row => row.Status == DeliveryStatus.Delivered, "every delivery delivered");
        }

        Assert.Equal(deliveries.Select(delivery => $"msg_{delivery.Id:N}").Order(), bed.Receiver.WebhookIds.Order());
    }
}

public sealed class When_a_worker_died_holding_a_lease(DatabaseServer server)
{
    [Fact]
    public async Task Should_leave_the_delivery_until_the_lease_runs_out_and_then_send_it()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        var subscription = await bed.SubscribeAsync("/ok");
        var lease = TimeSpan.FromMinutes(2);
        var orphan = bed.Webhook(subscription);
        orphan.LeaseUntil = bed.Now + lease; // taken by a worker that is gone
        await bed.PlanAsync([orphan]);
        await bed.StartWorkerAsync();

        var sentinel = (await bed.PlanAsync([bed.Webhook(subscription)]))[0];
        await bed.UntilAsync(sentinel.Id, row => row.Status == DeliveryStatus.Delivered, "the sentinel delivered");
        Assert.Equal(DeliveryStatus.Pending, (await bed.FindAsync(orphan.Id)).Status);
        Assert.DoesNotContain($"msg_{orphan.Id:N}", bed.Receiver.WebhookIds);

        bed.Advance(lease + TimeSpan.FromSeconds(1));

        var delivered = await bed.UntilAsync(orphan.Id, row => row.Status == DeliveryStatus.Delivered, "the orphan delivered");
        Assert.Equal(1, delivered.Attempts);
        Assert.Single(bed.Receiver.WebhookIds, id => id == $"msg_{orphan.Id:N}");
    }
}

public sealed class When_a_dead_delivery_is_replayed(DatabaseServer server)
{
    [Fact]
    public async Task Should_send_it_again_with_a_fresh_series_of_attempts()
    {
        await using var bed = await WorkerBed.CreateAsync(server);
        await bed.StartWorkerAsync();
        var subscription = await bed.SubscribeAsync("/ok");
        var delivery = bed.Webhook(subscription);
        delivery.Status = DeliveryStatus.Dead;
        delivery.Attempts = RetrySchedule.MaxAttempts;
        delivery.LastError = "the receiver answered 503";
        delivery.NextAttemptAt = null;
        await bed.PlanAsync([delivery]);

        await using (var db = bed.Db())
        {
            var stored = await db.Deliveries.FindAsync([delivery.Id], TestContext.Current.CancellationToken);
            stored!.Replay(bed.Now); // what the replay endpoint does
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var delivered = await bed.UntilAsync(delivery.Id, row => row.Status == DeliveryStatus.Delivered, "the replayed delivery delivered");
        Assert.Equal(1, delivered.Attempts);
        Assert.Null(delivered.LastError);
        Assert.Equal([$"msg_{delivery.Id:N}"], bed.Receiver.WebhookIds);
    }
}
