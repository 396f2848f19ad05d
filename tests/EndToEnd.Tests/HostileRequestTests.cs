using EndToEnd.Tests.Hostile;

namespace EndToEnd.Tests;

/// <summary>A corpus of hostile requests, REST and gRPC, generated from the API the gateway describes (its six
/// OpenAPI documents, read at test time) and the gateway's route table, plus what no schema tells: forged identity
/// headers and credentials, replayed and misfit signatures sent straight to the services, sizes over the limits,
/// method confusion, path traversal, webhook targets inside the network. Every answer is a clean refusal (or a
/// legitimate success): no 5xx, problem details with a title (and for 400/422 the fields), nothing of the
/// implementation, nothing of another tenant's; and afterwards the other tenant's data is as it was, and the
/// hostile tenant's too except where a request legitimately succeeded.</summary>
public sealed class HostileRequestTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_hostile_request_is_refused_cleanly_and_changes_nothing_it_may_not()
    {
        var seeded = await Task.WhenAll(SeededTenant.SeedAsync(platform, Tenants.Hostile), SeededTenant.SeedAsync(platform, Tenants.HostileVictim));
        var (own, victim) = (seeded[0], seeded[1]);
        var hostile = await TenantCallers.CreateAsync(platform, own);
        var @operator = Caller.Operator(platform.Host.OperatorKey);
        var pagerDuty = await Credentials.CreateAsync(platform, Tenants.Hostile,
            new { name = "hostile pagerduty", kind = "pagerduty", customerId = SeededTenant.Customer });
        var operations = await ApiCatalog.LoadAsync(platform);
        var bodies = await ValidBodies.CreateAsync(platform, Tenants.Hostile, pagerDuty.Key);
        var forged = ForgedCredentials.For(platform, Tenants.Hostile, Tenants.HostileVictim, await platform.TokenAsync(Tenants.Hostile)).ToList();
        var admins = new Dictionary<string, Caller>();
        foreach (var document in operations.Select(operation => operation.Document).Distinct())
        {
            var name = document.Split('/')[3];
            admins[document] = Caller.Token($"admin ({name})", await platform.TokenAsync(Tenants.Hostile, $"hostile-admin-{name}", "admin"), "admin");
        }

        Caller CallerFor(ApiOperation operation) =>
            operation.IsOperations ? @operator
            : operation.Template is "/v2/enqueue" or "/v2/change/enqueue" or "/api/v1/auth/dev-token" ? Caller.Anonymous
            : operation.Template == "/api/v1/integrations/alertmanager" ? hostile.AlertmanagerKey
            : admins[operation.Document];

        List<HostileRequest> concurrent =
        [
            .. ProtocolProbes.InternalWebhookTargets(hostile), // before the corpus adds subscriptions of its own, up to the limit
            .. SchemaProbes.For(operations, bodies, PathIds.Of(own), PathIds.Of(victim), CallerFor),
            .. AccessProbes.For(operations, [.. hostile.All(), @operator]),
            .. CredentialProbes.For(forged, ForgedCredentials.WithoutRights(platform, Tenants.Hostile), own),
            .. ProtocolProbes.ForgedIdentityHeaders(hostile, own, victim),
            .. ProtocolProbes.Limits(hostile),
            .. ProtocolProbes.MethodConfusion(operations, hostile, @operator),
            .. ProtocolProbes.Traversal(hostile, victim),
        ];
        var ordered = SignatureProbes.For(platform.Trust, Tenants.Hostile, Tenants.HostileVictim).ToList();
        var submissions = BodyMutations.Of(operations.Single(operation => operation.ToString() == "POST /api/v1/escalations").Body,
            bodies.For(operations.Single(operation => operation.ToString() == "POST /api/v1/escalations")));
        var grpc = GrpcProbes.For(hostile, own, victim, @operator, forged, submissions).ToList();
        var victimBefore = await victim.SnapshotAsync(platform);
        var ownBefore = await own.SnapshotAsync(platform);

        using var runner = new HostileRunner(platform, victim.SecretsIn);
        List<Outcome> outcomes = [.. await runner.RunAsync(concurrent), .. await runner.RunAsync(ordered, parallel: 1)];
        var failures = outcomes.Where(outcome => outcome.Breach is not null).Select(outcome => outcome.ToString()).ToList();
        failures.AddRange(await GrpcProbe.RunAsync(platform, grpc, victim.SecretsIn));

        var changed = outcomes.Where(outcome => outcome.Succeeded && outcome.Request.Changes is not null).Select(outcome => outcome.Request.Changes!).ToHashSet();
        failures.AddRange((await victim.SnapshotAsync(platform)).ChangesSince(victimBefore).Select(change => $"{Tenants.HostileVictim} changed: {change}"));
        failures.AddRange((await own.SnapshotAsync(platform)).ChangesSince(ownBefore, changed).Select(change => $"{Tenants.Hostile} changed: {change}"));
        var total = outcomes.Count + grpc.Count;
        TestContext.Current.SendDiagnosticMessage($"{total} hostile requests ({outcomes.Count} REST, {grpc.Count} gRPC); "
            + $"{outcomes.Count(outcome => outcome.Succeeded)} succeeded legitimately; parts of {Tenants.Hostile} they changed: {string.Join(", ", changed)}");

        Assert.True(total >= 400, $"the corpus has {total} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} hostile requests broke a rule:\n{string.Join("\n", failures)}");
    }
}
