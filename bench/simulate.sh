#!/usr/bin/env bash
# The simulator benchmark in one command (see SimulationBenchmark): one contact's simulated welcome
# series (median, p95, the first call apart) against the same run on the app's real engine, and a
# forecast of <count> synthetic contacts (wall time, contacts/s).
# Usage: bench/simulate.sh [h2|postgres] [count]; offline: MAVEN_ARGS=-o bench/simulate.sh
exec "$(dirname "$0")/run.sh" simulation "${1:-h2}" "${2:-1000}"
