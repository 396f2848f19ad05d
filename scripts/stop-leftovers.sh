#!/usr/bin/env bash
# Stops any process still running from a state folder (its arguments name the folder, or it runs in it):
# the servers the app host started must not outlive it, whatever ended it.
# usage: stop-leftovers.sh STATE_DIRECTORY...
set -u
pids=()
for state in "$@"; do
  state="$(cd "$state" 2>/dev/null && pwd)" || continue
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [ "$pid" = "$$" ] && continue
    cmdline="$(tr '\0' ' ' 2>/dev/null < "$proc/cmdline")" || continue
    cwd="$(readlink "$proc/cwd" 2>/dev/null)" || cwd=""
    case "$cmdline" in *stop-leftovers.sh*) continue ;; esac
    if [[ "$cmdline" == *"$state"* || "$cwd" == "$state" || "$cwd" == "$state"/* ]]; then pids+=("$pid"); fi
  done
done
[ "${#pids[@]}" -eq 0 ] && exit 0
echo "Stopping ${#pids[@]} leftover process(es) from $*"
kill -TERM "${pids[@]}" 2>/dev/null
for _ in $(seq 50); do
  alive=0
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ "$alive" -eq 0 ] && exit 0
  sleep 0.1
done
kill -KILL "${pids[@]}" 2>/dev/null
exit 0
