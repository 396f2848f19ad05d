#!/usr/bin/env bash
# Waits for DCP, the process manager an Aspire app host starts, to finish stopping the resources after the
# app host itself has exited (DCP watches the app host's pid and cleans up on its own, in its own time).
# usage: wait-for-orchestrator.sh APPHOST_PID [TIMEOUT_SECONDS]
set -u
apphost="$1"; timeout="${2:-60}"
watchers() { pgrep -f -- "dcp .*--monitor $1( |$)" || true; }
pids="$(watchers "$apphost")"
for p in $pids; do pids="$pids $(watchers "$p")"; done
for _ in $(seq $((timeout * 5))); do
  alive=""
  for p in $pids; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
  [ -z "$alive" ] && exit 0
  sleep 0.2
done
echo "The process manager (DCP) did not finish within ${timeout}s; stopping what is left." >&2
kill -KILL $alive 2>/dev/null
exit 0
