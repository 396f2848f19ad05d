using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EscalationPlatform.ServiceDefaults;
using EscalationPlatform.Web.Configuration;
using EscalationPlatform.Web.Validation;
using Notification.Domain;

namespace Notification.Api.Templates;

/// <summary>A tenant's message templates as a versioned document: <c>email</c> and <c>chat</c>, each by event name.
/// Each template is parsed when saved; a syntax error or a variable that does not exist is refused, naming the
/// template's field and the variable.</summary>
public sealed class TemplatesDocument : IConfigDocument<MessageTemplates>
{
    public static readonly TemplatesDocument Instance = new();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "notification-templates";

    public string Label => "message templates";

    public MessageTemplates Default { get; } = new() { Email = BuiltInTemplates.Email, Chat = BuiltInTemplates.Chat };

    public MessageTemplates? Read(JsonElement document, ValidationErrors errors)
    {
        MessageTemplates? templates;
        try
        {
            templates = document.Deserialize<MessageTemplates>(Json);
        }
        catch (JsonException error)
        {
            errors.Add(JsonErrors.Field(error, whole: "document"), JsonErrors.Describe(error, Json));
            return null;
        }

        if (templates is null)
        {
            errors.Add("document", "must be an object with email and chat templates by event name");
            return null;
        }

        if (templates.Email is null || templates.Chat is null)
        {
            errors.Add(templates.Email is null ? "email" : "chat", "must be an object of templates by event name (it may be empty)");
            return null;
        }

        var before = errors.Count;
        foreach (var (notice, template) in templates.Email)
        {
            if (Known(notice, $"email.{notice}", errors) && template is not null)
            {
                Check(template.Subject, $"email.{notice}.subject", errors, required: true, maxLength: 500);
                Check(template.Text, $"email.{notice}.text", errors, required: true);
                Check(template.Html, $"email.{notice}.html", errors, required: false);
            }
            else if (template is null)
            {
                errors.Add($"email.{notice}", "give subject and text (and html if you like), or leave the event out to use the built-in text");
            }
        }

        foreach (var (notice, template) in templates.Chat)
        {
            if (Known(notice, $"chat.{notice}", errors))
            {
                Check(template?.Text, $"chat.{notice}.text", errors, required: true, maxLength: 3_000);
            }
        }

        return errors.Count == before ? templates : null;
    }

    public JsonObject Write(MessageTemplates value) => JsonSerializer.SerializeToNode(value, Json)!.AsObject();

    private static bool Known(string notice, string field, ValidationErrors errors)
    {
        if (NoticeEvents.Parse(notice) is not null)
        {
            return true;
        }

        errors.Add(field, $"is not an event; the events are {string.Join(", ", NoticeEvents.Names)}");
        return false;
    }

    private static void Check(string? source, string field, ValidationErrors errors, bool required, int maxLength = MessageTemplates.MaxTemplateLength)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            if (required)
            {
                errors.Add(field, "must not be empty");
            }

            return;
        }

        if (source.Contains('\0'))
        {
            errors.Add(field, "must not contain the NUL character");
        }
        else if (source.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
        }
        else if (TemplateEngine.Problem(source) is { } problem)
        {
            errors.Add(field, problem).Unprocessable(); // well-formed, but it cannot be rendered
        }
    }
}
