namespace EscalationPlatform.Gateway.Limits;

/// <summary>Configuration section "Gateway:Streams": the bounds of a long-lived stream (gRPC WatchUpdates, server-sent change events).</summary>
public sealed class StreamOptions
{
    public const string Section = "Gateway:Streams";

    /// <summary>Streams one credential may hold open at once (per gateway replica).</summary>
    public int MaxPerCredential { get; set; } = 5;

    /// <summary>The longest a stream stays open; the client reconnects (and is authenticated again).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often an open stream's credential is checked again (revoked keys end their streams).</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(10);
}
