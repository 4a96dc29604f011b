#!/usr/bin/env bash
# Events per second through POST /api/events/batch (each starting a welcome-series run) against the
# bare engine starting a one-step process, in one JVM on one database.
# Usage: bench/event-intake.sh [h2|postgres] [events per round, default 2000] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
database="${1:-h2}"
events="${2:-2000}"
rounds="${3:-3}"

case "$database" in
  h2) url="jdbc:h2:mem:itinera-bench;DB_CLOSE_DELAY=-1"; user=sa ;;
  postgres)
    url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/itinera_bench"; user="${PGUSER:-postgres}"
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "$user" -d postgres -v ON_ERROR_STOP=1 -q \
      -c "DROP DATABASE IF EXISTS itinera_bench WITH (FORCE)" -c "CREATE DATABASE itinera_bench" ;;
  *) echo "usage: $0 [h2|postgres] [events] [rounds]" >&2; exit 2 ;;
esac

./mvnw -B -q -ntp install -DskipTests
./mvnw -B -q -ntp -pl engine-app exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.itinera.benchmark.EventIntakeBenchmark -Dexec.args="$url $user $events $rounds"
