using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationPlatform.Web.Validation;

/// <summary>Collects every problem with a request, keyed by the field's path (customer.tier, context.accountIds[2]),
/// so the client learns about all of them at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>How many fields have a problem.</summary>
    public int Count => _errors.Count;

    public ValidationErrors Add(string field, string message)
    {
        (_errors.TryGetValue(field, out var messages) ? messages : _errors[field] = []).Add(message);
        return this;
    }

    /// <summary>The errors a Domain check found, each naming its field.</summary>
    public static ValidationErrors Of(IEnumerable<(string Field, string Message)> errors)
    {
        var all = new ValidationErrors();
        foreach (var (field, message) in errors)
        {
            all.Add(field, message);
        }

        return all;
    }

    public ValidationErrors AddAll(IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                Add(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }

        return this;
    }

    /// <summary>Text that, when given (or when required), is not blank and not longer than the limit.</summary>
    public ValidationErrors Text(string field, string? value, int maxLength, bool required = false)
    {
        if (value is null)
        {
            return required ? Add(field, "required") : this;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "must not be blank");
        }

        if (value.Contains('\0'))
        {
            return Add(field, "must not contain the NUL character");
        }

        return value.Length > maxLength ? Add(field, $"at most {maxLength} characters") : this;
    }

    /// <summary>A list of at most <paramref name="maxItems"/> non-blank texts of at most <paramref name="maxLength"/> characters.</summary>
    public ValidationErrors Texts(string field, IReadOnlyList<string>? values, int maxItems, int maxLength)
    {
        if (values is null)
        {
            return this;
        }

        if (values.Count > maxItems)
        {
            Add(field, $"at most {maxItems} items");
        }

        for (var index = 0; index < Math.Min(values.Count, maxItems); index++)
        {
            Text($"{field}[{index}]", values[index], maxLength, required: true);
        }

        return this;
    }

    public ValidationErrors Range(string field, double? value, double min, double max) =>
        value is { } number && (number < min || number > max) ? Add(field, $"must be between {min} and {max}") : this;

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());

    /// <summary>Marks the problems as with what the request asks, not with its form: well-formed input the server
    /// cannot process (a template naming a variable that does not exist) is answered 422, not 400.</summary>
    public ValidationErrors Unprocessable()
    {
        IsUnprocessable = true;
        return this;
    }

    public bool IsUnprocessable { get; private set; }

    public ValidationProblem ToProblem(string title = "The request is not valid.") =>
        TypedResults.ValidationProblem(ToDictionary(), title: title);

    /// <summary>The problems as 422 problem details, with the fields as a validation problem lists them.</summary>
    public ProblemHttpResult ToUnprocessable(string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(ToDictionary()) { Title = title, Status = StatusCodes.Status422UnprocessableEntity });
}
