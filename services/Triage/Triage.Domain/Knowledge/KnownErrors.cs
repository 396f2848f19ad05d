using EscalationPlatform.Contracts;

namespace Triage.Domain.Knowledge;

/// <summary>Checks a known error against its limits, naming each field's problem in words its author understands. An
/// error message must leave words once numbers, ids, hex and times are masked: a signature of masks alone would
/// match every error of that shape.</summary>
public static class KnownErrors
{
    public const int MaxTitle = 200;
    public const int MaxText = 4_000;
    public const int MaxErrorMessages = 20;
    public const int MaxErrorMessage = 1_000;
    public const int MaxShort = 100;
    public const int MaxVersions = 20;
    private const int MinimumLetters = 3;

    public static (KnownError? Article, IReadOnlyDictionary<string, string> Problems) Check(KnownErrorDraft draft)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = TextField.Read(draft.Title, "title", MaxTitle, required: true, multiline: false, problems);
        var symptoms = TextField.Read(draft.Symptoms, "symptoms", MaxText, required: false, multiline: true, problems) ?? "";
        var workaround = TextField.Read(draft.Workaround, "workaround", MaxText, required: false, multiline: true, problems);
        var productArea = TextField.Read(draft.ProductArea, "productArea", MaxShort, required: false, multiline: false, problems);
        var owner = TextField.Read(draft.Owner, "owner", MaxShort, required: true, multiline: false, problems);
        var fixedIn = TextField.Read(draft.FixedInVersion, "fixedInVersion", MaxShort, required: false, multiline: false, problems);

        var messages = new List<string>();
        var signatures = new List<string>();
        var given = draft.ErrorMessages ?? [];
        if (given.Count > MaxErrorMessages)
        {
            problems["errorMessages"] = $"at most {MaxErrorMessages} error messages";
        }
        else
        {
            for (var i = 0; i < given.Count; i++)
            {
                var field = $"errorMessages[{i}]";
                var message = TextField.Read(given[i], field, MaxErrorMessage, required: true, multiline: true, problems);
                if (message is null)
                {
                    continue;
                }

                if (ErrorSignature.Of(message) is not { } signature || !HasWords(signature))
                {
                    problems[field] = $"needs words beyond numbers, ids, hex values and times (at least {MinimumLetters} letters in a row): it would match any error of that shape";
                    continue;
                }

                messages.Add(message);
                if (!signatures.Contains(signature, StringComparer.Ordinal))
                {
                    signatures.Add(signature);
                }
            }
        }

        if (messages.Count == 0 && symptoms.Length == 0 && !problems.Keys.Any(key => key.StartsWith("errorMessages", StringComparison.Ordinal)))
        {
            problems["errorMessages"] = "give at least one error message, or describe the symptoms";
        }

        var versions = new List<string>();
        var affected = draft.AffectedVersions ?? [];
        if (affected.Count > MaxVersions)
        {
            problems["affectedVersions"] = $"at most {MaxVersions} versions";
        }
        else
        {
            for (var i = 0; i < affected.Count; i++)
            {
                if (TextField.Read(affected[i], $"affectedVersions[{i}]", MaxShort, required: true, multiline: false, problems) is { } version)
                {
                    versions.Add(version);
                }
            }
        }

        var status = KnownErrorStatus.Open;
        switch (draft.Status)
        {
            case null or "open":
                break;
            case "fixed":
                status = KnownErrorStatus.Fixed;
                if (fixedIn is null && !problems.ContainsKey("fixedInVersion"))
                {
                    problems["fixedInVersion"] = "required when the status is fixed: the version that has the fix";
                }

                break;
            default:
                problems["status"] = "one of open, fixed";
                break;
        }

        return problems.Count > 0
            ? (null, problems)
            : (new KnownError(title!, symptoms, messages, signatures, productArea, versions, workaround, status, fixedIn, owner!), problems);
    }

    private static bool HasWords(string signature)
    {
        var run = 0;
        var masked = false;
        foreach (var character in signature)
        {
            if (character == '<')
            {
                masked = true;
            }
            else if (character == '>')
            {
                masked = false;
                run = 0;
            }
            else if (!masked && char.IsLetter(character))
            {
                if (++run >= MinimumLetters)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
            }
        }

        return false;
    }
}
