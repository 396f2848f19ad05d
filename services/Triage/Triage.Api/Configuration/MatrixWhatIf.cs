using System.Text.Json;
using EscalationPlatform.Contracts;
using EscalationPlatform.Contracts.Intake.V1;
using EscalationPlatform.Web.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Triage.Domain;

namespace Triage.Api.Configuration;

/// <summary>The what-if of a draft matrix over the open escalations and over those submitted in the last days.</summary>
public sealed record WhatIfView(int MatrixVersion, int Days, WhatIfResult Open, WhatIfResult Recent, bool Truncated);

/// <summary>Runs a draft matrix over the tenant's cases as intake knows them now (escalation.intake.v1.Intake/ListFacts,
/// as the caller): the open ones and those submitted in the last <c>days</c>, at most <see cref="MaxCases"/>. Nothing is
/// changed anywhere.</summary>
public sealed partial class MatrixWhatIf(
    Intake.IntakeClient intake, PlatformCallOptions calls, TriageRules rules, ITenantContext tenant, IOptions<JsonOptions> json, TimeProvider clock,
    ILogger<MatrixWhatIf> logger)
{
    public const int MaxDays = 90;
    public const int MaxCases = 5_000;
    private const int Page = 500;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly string ListFactsMethod = PlatformCallOptions.MethodPath(Intake.Descriptor, "ListFacts");

    /// <summary>The result, or null when intake could not be asked.</summary>
    public async Task<WhatIfView?> RunAsync(EscalationMatrix draft, int days, CancellationToken cancellationToken)
    {
        var current = await rules.MatrixAsync(tenant.TenantId, cancellationToken);
        var since = clock.GetUtcNow().AddDays(-days);
        var open = new List<WhatIfCase>();
        var recent = new List<WhatIfCase>();
        var cursor = "";
        var seen = 0;
        try
        {
            do
            {
                var request = new ListFactsRequest { Open = true, SubmittedSince = Timestamp.FromDateTimeOffset(since), Cursor = cursor, Limit = Page };
                var response = await intake.ListFactsAsync(request,
                    calls.For(new PlatformIdentity(tenant.TenantId, tenant.Actor), "intake", ListFactsMethod, request, cancellationToken, Deadline));
                foreach (var item in response.Items)
                {
                    var @case = new WhatIfCase(Guid.Parse(item.EscalationId), item.Key, item.Title,
                        JsonSerializer.Deserialize<CaseFacts>(item.FactsJson, json.Value.SerializerOptions)!);
                    if (item.Open)
                    {
                        open.Add(@case);
                    }

                    if (item.SubmittedAt.ToDateTimeOffset() >= since)
                    {
                        recent.Add(@case);
                    }
                }

                seen += response.Items.Count;
                cursor = response.NextCursor;
            }
            while (cursor.Length > 0 && seen < MaxCases);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(error.StatusCode, error.Status.Detail);
            return null;
        }

        return new(current.Version, days, WhatIf.Compare(current, draft, open), WhatIf.Compare(current, draft, recent), cursor.Length > 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake could not be asked for the cases of a what-if ({StatusCode}: {Detail})")]
    private partial void LogUnavailable(StatusCode statusCode, string detail);
}
