#!/usr/bin/env bash
# The end-to-end throughput benchmark in one command (see EndToEndBenchmark): <count> contacts sign up while
# the job executor and the outbox dispatcher run, to the last welcome email, against the bare engine.
# Usage: bench/end-to-end.sh [h2|postgres] [count]; offline: MAVEN_ARGS=-o bench/end-to-end.sh
exec "$(dirname "$0")/run.sh" end-to-end "${1:-h2}" "${2:-3000}"
