using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Notification.Domain;

namespace Notification.Api.Templates;

/// <summary>Liquid (Fluid) for tenant templates: a template sees only the dictionaries it is given (no .NET members),
/// its loops and nesting are bounded, and its output is cut at <see cref="MaxOutput"/> characters.</summary>
public static class TemplateEngine
{
    public const int MaxOutput = 64 * 1024;

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new() { MaxSteps = 20_000, MaxRecursion = 20 };
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);

    /// <summary>Why the template cannot be used (a syntax error, or the variables it names that do not exist), or
    /// null when it can.</summary>
    public static string? Problem(string source)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            return $"is not a valid Liquid template: {error.Split('\n')[0]}";
        }

        var unknown = VariableCollector.UnknownIn(template);
        return unknown.Count == 0
            ? null
            : $"names {(unknown.Count == 1 ? "a variable" : "variables")} that do not exist: {string.Join(", ", unknown)}. Known: {string.Join(", ", TemplateVariables.All.Keys)}";
    }

    /// <summary>Renders a template that passed <see cref="Problem"/>; a template that runs too long renders what it
    /// reached.</summary>
    public static string Render(string source, IReadOnlyDictionary<string, object?> model, TextEncoder encoder)
    {
        var template = Parsed.GetOrAdd(source, text =>
        {
            if (Parsed.Count > 2_000)
            {
                Parsed.Clear(); // templates change rarely: a full cache means edits piled up, not a working set
            }

            return Parser.Parse(text);
        });
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        string rendered;
        try
        {
            rendered = template.Render(context, encoder);
        }
        catch (InvalidOperationException)
        {
            rendered = "(this message's template ran too long to be shown)";
        }

        return rendered.Length <= MaxOutput ? rendered : rendered[..MaxOutput];
    }

    /// <summary>The variable paths a template names that are neither known (<see cref="TemplateVariables"/>) nor its
    /// own (assign, capture, loop variables).</summary>
    private sealed class VariableCollector : AstVisitor
    {
        private readonly HashSet<string> _own = new(StringComparer.Ordinal) { "forloop", "tablerowloop" };
        private readonly List<string> _named = [];

        public static IReadOnlyList<string> UnknownIn(IFluidTemplate template)
        {
            var collector = new VariableCollector();
            collector.VisitTemplate(template);
            return [.. collector._named
                .Where(path => !collector._own.Contains(path.Split('.')[0]) && !TemplateVariables.IsKnown(path))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            _own.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            _own.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            _own.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            var path = new List<string>();
            foreach (var segment in memberExpression.Segments)
            {
                if (segment is IdentifierSegment identifier)
                {
                    path.Add(identifier.Identifier);
                }
                else
                {
                    if (segment is IndexerSegment indexer)
                    {
                        Visit(indexer.Expression);
                    }

                    break; // a[...]: only what comes before the index can be checked
                }
            }

            if (path.Count > 0)
            {
                _named.Add(string.Join('.', path));
            }

            return memberExpression;
        }
    }
}
