namespace EndToEnd.Tests.Hostile;

/// <summary>Hostile requests generated from the OpenAPI operations: every body mutation (<see cref="BodyMutations"/>)
/// of every operation that takes a body, sent by a caller the route lets through so the service itself must refuse
/// it; other tenants' ids and malformed ids in path parameters; malformed query parameters.</summary>
public static class SchemaProbes
{
    private const string Category = "schema";

    /// <summary>What a success of each operation changes in the caller's tenant (<see cref="TenantSnapshot"/>).</summary>
    private static readonly Dictionary<string, string> Changes = new()
    {
        ["POST /api/v1/notifications/webhooks"] = "webhooks",
        ["POST /api/v1/admin/api-keys"] = "keys",
        ["PUT /api/v1/triage/matrix"] = "matrix",
        ["POST /api/v1/triage/matrix/drafts/{draftId}/publish"] = "matrix",
        ["POST /api/v1/triage/matrix/versions/{version}/restore"] = "matrix",
        ["PUT /api/v1/triage/checklists"] = "checklists",
        ["POST /api/v1/triage/checklists/drafts/{draftId}/publish"] = "checklists",
        ["POST /api/v1/triage/checklists/versions/{version}/restore"] = "checklists",
        ["PUT /api/v1/triage/knowledge/articles/{articleId}"] = "knowledge",
        ["POST /api/v1/triage/changes"] = "changes",
        ["POST /api/v1/changes"] = "changes",
        ["POST /v2/change/enqueue"] = "changes",
        ["DELETE /api/v1/triage/knowledge/articles/{articleId}"] = "knowledge",
        ["POST /api/v1/triage/problems/{problemId}/status"] = "problems",
        ["POST /api/v1/escalations"] = "problems", // a new case of a repeated error raises or joins a problem record
        ["POST /v2/enqueue"] = "problems",
        ["POST /api/v1/integrations/alertmanager"] = "problems",
        ["PUT /api/v1/triage/knowledge/settings"] = "knowledge settings",
        ["POST /api/v1/triage/knowledge/settings/drafts/{draftId}/publish"] = "knowledge settings",
        ["POST /api/v1/triage/knowledge/settings/versions/{version}/restore"] = "knowledge settings",
        ["PUT /api/v1/sla/policy"] = "sla",
        ["POST /api/v1/sla/policy/drafts/{draftId}/publish"] = "sla",
        ["POST /api/v1/sla/policy/versions/{version}/restore"] = "sla",
        ["PUT /api/v1/routing/escalation-policy"] = "routing",
        ["PUT /api/v1/notifications/rules"] = "notification rules",
        ["POST /api/v1/notifications/rules/drafts/{draftId}/publish"] = "notification rules",
        ["POST /api/v1/notifications/rules/versions/{version}/restore"] = "notification rules",
        ["PUT /api/v1/notifications/templates"] = "templates",
        ["POST /api/v1/notifications/templates/drafts/{draftId}/publish"] = "templates",
        ["POST /api/v1/notifications/templates/versions/{version}/restore"] = "templates",
        ["PUT /api/v1/insights/settings"] = "insight settings",
        ["POST /api/v1/insights/settings/drafts/{draftId}/publish"] = "insight settings",
        ["POST /api/v1/insights/settings/versions/{version}/restore"] = "insight settings",
    };

    public static IEnumerable<HostileRequest> For(
        IReadOnlyList<ApiOperation> operations, ValidBodies bodies, PathIds own, PathIds others, Func<ApiOperation, Caller> callerFor)
    {
        foreach (var operation in operations)
        {
            var caller = callerFor(operation);
            var valid = bodies.For(operation);
            var validBody = valid is null ? null : BodyMutations.Utf8(valid.ToJsonString());
            var changes = Changes.GetValueOrDefault(operation.ToString())
                ?? (operation.Template.StartsWith("/api/v1/escalations/{id}/", StringComparison.Ordinal) ? "escalation" : null);
            if (operation.Body is not null)
            {
                foreach (var mutation in BodyMutations.Of(operation.Body, valid))
                {
                    yield return new(Category, mutation.Case, operation.Method, own.Fill(operation))
                    {
                        As = caller, Body = mutation.Body, Chunked = mutation.Chunked, Expected = mutation.Expected, Changes = changes,
                    };
                }
            }

            foreach (var request in PathParameters(operation, caller, validBody, others))
            {
                yield return request;
            }

            foreach (var request in QueryParameters(operation, caller, own))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<HostileRequest> PathParameters(ApiOperation operation, Caller caller, byte[]? body, PathIds others)
    {
        foreach (var parameter in operation.PathParameters)
        {
            if (parameter.Schema?.Format == "uuid")
            {
                yield return new(Category, $"{parameter.Name}: another tenant's", operation.Method, others.Fill(operation))
                {
                    As = caller, Body = body, Expected = [403, 404],
                };
            }

            // "not-a-uuid" and the zero id are malformed only where an id is a uuid; a name (a team's) may be just that.
            string[] malformed = [.. parameter.Schema?.Format == "uuid" ? ["not-a-uuid", "00000000-0000-0000-0000-000000000000"] : Array.Empty<string>(),
                Uri.EscapeDataString(BodyMutations.Hostile), new string('9', 5000), "..%2f..%2fadmin", "%00", "%25%30%30"];
            foreach (var value in malformed)
            {
                yield return new(Category, $"{parameter.Name}: malformed {(value.Length > 40 ? "(5000 characters)" : value)}", operation.Method,
                    operation.Fill(other => other == parameter ? value : others.For(operation, other)))
                {
                    As = caller, Body = body, Expected = [400, 403, 404, 405], AnsweredByServer = value.Contains("%00", StringComparison.Ordinal),
                };
            }
        }
    }

    private static IEnumerable<HostileRequest> QueryParameters(ApiOperation operation, Caller caller, PathIds own)
    {
        foreach (var parameter in operation.QueryParameters)
        {
            var kinds = parameter.Schema?.Types ?? [];
            List<string> values = kinds.Contains("integer") ? ["abc", "-1", "0", "2147483648", "1e400"]
                : kinds.Contains("boolean") ? ["maybe", "2"]
                : parameter.Schema?.Format == "uuid" ? ["not-a-uuid", Uri.EscapeDataString(BodyMutations.Hostile)]
                : [Uri.EscapeDataString(BodyMutations.Hostile), new string('q', 5000), "%FF%FE", "quantum-flux"];
            foreach (var value in values)
            {
                yield return new(Category, $"?{parameter.Name}={(value.Length > 40 ? "(5000 characters)" : value)}", operation.Method,
                    $"{own.Fill(operation)}?{parameter.Name}={value}") { As = caller };
            }

            yield return new(Category, $"?{parameter.Name} twice", operation.Method, $"{own.Fill(operation)}?{parameter.Name}=1&{parameter.Name}=2") { As = caller };
        }
    }
}
