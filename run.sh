#!/usr/bin/env bash
# Runs the whole platform locally: installs what is missing, builds, starts the Aspire app host, and prints
# the Gateway, Dashboard and Mail URLs once every resource is healthy. Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/setup.sh

setup
build
dotnet build-server shutdown >/dev/null 2>&1 || true # the compiler servers would outlive this script

export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:15080}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://localhost:19080}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://localhost:20080}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true

apphost="AppHost/bin/${CONFIGURATION:-Debug}/net10.0/EscalationPlatform.AppHost"
"$apphost" "$@" &
pid=$!

stop() {
  trap - INT TERM
  say "Stopping..."
  kill -TERM "$pid" 2>/dev/null || true
}
trap stop INT TERM

# wait returns early when a trapped signal arrives; keep waiting until the app host itself has exited.
while :; do
  if wait "$pid"; then status=0; else status=$?; fi
  kill -0 "$pid" 2>/dev/null || break
done
scripts/wait-for-orchestrator.sh "$pid"
scripts/stop-leftovers.sh "${Infrastructure__StateDirectory:-$PWD/.state}"
exit "$status"
