#!/usr/bin/env bash
# Two nodes on one database (see TwoNodeBenchmark): <count> signups through one node, then <count> more split
# across two nodes, each to the last welcome email, and the proof that nothing was done twice.
# Usage: bench/two-nodes.sh [h2|postgres] [count]; offline: MAVEN_ARGS=-o bench/two-nodes.sh
exec "$(dirname "$0")/run.sh" two-nodes "${1:-postgres}" "${2:-2000}"
