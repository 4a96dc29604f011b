#!/usr/bin/env bash
# Waiting runs at scale in one command (see WaitingRunsBenchmark): <waiting> contacts waiting in journeys,
# an event's latency to its waiting run and intake at 1,000 and at <waiting>, then history cleanup of them all.
# Usage: bench/waiting-runs.sh [h2|postgres] [waiting]; offline: MAVEN_ARGS=-o bench/waiting-runs.sh
exec "$(dirname "$0")/run.sh" waiting-runs "${1:-h2}" "${2:-100000}"
