#!/usr/bin/env bash
# Runs every test in the solution on the real PostgreSQL, RabbitMQ and Redis (installed if missing, started by
# the test fixtures), then prints the plain line "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/setup.sh

setup
install_test_oidc_provider
install_test_browser
check_kubernetes_tools
build
dotnet build-server shutdown >/dev/null 2>&1 || true

# Every database owner's migrations (the services' and the gateway's) must match its model: a forgotten `dotnet ef migrations add` fails here.
model_drift=0
for project in services/*/*.Api gateway/Gateway; do
  if ! dotnet ef migrations has-pending-model-changes --project "$project" --no-build --configuration "${CONFIGURATION:-Debug}" >/dev/null 2>&1; then
    say "The EF Core model of $project has changes no migration covers: run 'dotnet ef migrations add <Name> --project $project --output-dir Data/Migrations'."
    model_drift=$((model_drift + 1))
  fi
done

# The Kubernetes manifests: every overlay rendered and validated against the vendored schemas and the reviewer rules
# (deploy/kubernetes/README.md); its self-test proves each rule rejects what it should.
manifests=0
if ! python3 scripts/validate-kubernetes.py; then
  say "The Kubernetes manifests under deploy/kubernetes are not valid (the lines above say where)."
  manifests=1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# One test project at a time: the end-to-end timing goals (an S1 owned within 10 s) are not measured while the
# messaging integration tests load the same two cores.
dotnet test --solution EscalationPlatform.sln --no-build -c "${CONFIGURATION:-Debug}" --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Test fixtures stop what they start; this catches anything a crashed test run left behind.
scripts/stop-leftovers.sh /tmp/escalation-* >/dev/null 2>&1 || true

count() { grep -aE "^\s*$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed="$(count succeeded)"
failed="$(( $(count failed) + model_drift + manifests ))"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test exited with code $status without a failing test (a build error, a crash or a timeout): counted as one failure."
  failed=1
fi
# The failures again at the end, where the tail of a CI log shows them.
if grep -aqE '^\s*failed ' "$log"; then
  say "Failed tests:"
  grep -aE -A 15 '^\s*failed ' "$log" | head -n 120
fi
say "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
