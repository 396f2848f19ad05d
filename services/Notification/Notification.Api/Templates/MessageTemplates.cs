namespace Notification.Api.Templates;

/// <summary>An email's subject, plain text and (optionally) HTML. Without HTML, the HTML part is the text, escaped,
/// with its line breaks, in the platform's layout.</summary>
public sealed record EmailTemplate(string Subject, string Text, string? Html = null);

/// <summary>What a chat channel is told; the card around it (severity, title, owner, due time, a link to the case) is
/// the platform's.</summary>
public sealed record ChatTemplate(string Text);

/// <summary>A tenant's message templates, per event (by its name: "sla-breach") and channel. An event without one
/// here uses the built-in text.</summary>
public sealed record MessageTemplates
{
    public const int MaxTemplateLength = 20_000;

    public IReadOnlyDictionary<string, EmailTemplate> Email { get; init; } = new Dictionary<string, EmailTemplate>();

    public IReadOnlyDictionary<string, ChatTemplate> Chat { get; init; } = new Dictionary<string, ChatTemplate>();

    public EmailTemplate EmailFor(string notice) => Email.TryGetValue(notice, out var template) ? template : BuiltInTemplates.Email[notice];

    public ChatTemplate ChatFor(string notice) => Chat.TryGetValue(notice, out var template) ? template : BuiltInTemplates.Chat[notice];
}
