#!/usr/bin/env bash
# Measurements (not tests): ./bench.sh <suite> [options]. Each suite starts the real servers it needs and
# prints a Markdown report; docs/performance.md records the results and the machine they came from.
#   load        end-to-end throughput and latency through the gateway, audited, with CPU per escalation, messages
#               per endpoint and type and the raw bus rate of the same run (--rate N | --clients N, --duration S)
#   overhead    the same request mix direct to intake and through the gateway, alternating (--reads-only: GET a record / list)
#   faults      kills and restarts under load, audited for loss and duplicates, with 1 and 2 replicas
#   storm       2,000 Alertmanager alerts and 500 PagerDuty events in 20 s on 90 hot keys: exactly 90 escalations, none
#               lost or doubled, intake p99, first alert -> owned per group (--alerts --events --groups --keys --duration)
#   insights    the insights API over a seeded read model of 100,000 escalations (--cases N --rounds N)
#   knowledge   the knowledge search over the labelled quality set among 10,000 known errors: latency and quality (--articles N --rounds N)
#   micro       BenchmarkDotNet over the matrix, SLA due times and routing selection
#   messaging   saga transitions/s, outbox delivery/s and timer lateness beside the raw MassTransit rate
set -euo pipefail
cd "$(dirname "$0")"
. scripts/setup.sh

setup
CONFIGURATION=Release build
dotnet build-server shutdown >/dev/null 2>&1 || true
exec dotnet tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll "$@"
