using EscalationPlatform.Portal.Gateway;

namespace EscalationPlatform.Portal.Components.Pages.Knowledge;

/// <summary>A known error as the edit form holds it: error messages one per line, versions separated by commas, and the
/// body PUT sends (empty fields left out, so the service names what is missing).</summary>
public sealed class KnownErrorForm
{
    public string? Title { get; set; }
    public string? Symptoms { get; set; }
    public string? ErrorMessages { get; set; }
    public string? ProductArea { get; set; }
    public string? AffectedVersions { get; set; }
    public string? Workaround { get; set; }
    public string Status { get; set; } = "open";
    public string? FixedInVersion { get; set; }
    public string? Owner { get; set; }

    public static KnownErrorForm Of(KnownErrorArticle article) => new()
    {
        Title = article.Title, Symptoms = article.Symptoms, ErrorMessages = string.Join('\n', article.ErrorMessages), ProductArea = article.ProductArea,
        AffectedVersions = string.Join(", ", article.AffectedVersions), Workaround = article.Workaround, Status = article.Status,
        FixedInVersion = article.FixedInVersion, Owner = article.Owner,
    };

    public Dictionary<string, object?> Body() => new()
    {
        ["title"] = Blank(Title),
        ["symptoms"] = Blank(Symptoms),
        ["errorMessages"] = Lines(ErrorMessages, '\n'),
        ["productArea"] = Blank(ProductArea),
        ["affectedVersions"] = Lines(AffectedVersions, ','),
        ["workaround"] = Blank(Workaround),
        ["status"] = Status,
        ["fixedInVersion"] = Status == "fixed" ? Blank(FixedInVersion) : null,
        ["owner"] = Blank(Owner),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] Lines(string? text, char separator) =>
        [.. (text ?? "").Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
