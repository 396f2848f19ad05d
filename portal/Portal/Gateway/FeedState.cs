namespace EscalationPlatform.Portal.Gateway;

/// <summary>The signed-in person's in-app feed as the portal shows it (one per circuit): how many entries are unread,
/// read again when the live connection says the feed changed (<see cref="LiveChanges"/>) or a page marks some read.</summary>
public sealed class FeedState(GatewayClient gateway)
{
    public const string Path = "/api/v1/notifications/feed";

    public int Unread { get; private set; }

    /// <summary>Raised after the feed was read again.</summary>
    public event Func<Task>? Changed;

    public async Task RefreshAsync()
    {
        var page = await gateway.GetAsync<FeedPage>($"{Path}?limit=1");
        if (page.Value is { } value)
        {
            Unread = value.Unread;
        }

        if (Changed is { } changed)
        {
            await changed();
        }
    }
}

public sealed record FeedEntry(Guid Id, Guid EscalationId, string CaseKey, string Event, bool Urgent, string Text, DateTime At, DateTime? ReadAt);

public sealed record FeedPage(int Unread, IReadOnlyList<FeedEntry> Items);
